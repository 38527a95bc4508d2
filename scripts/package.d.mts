/** Types of scripts/package.mjs for the TypeScript tests that use it. */
export declare const PUBLISHER_ENV: 'SALDO_WIN_PUBLISHER_NAME';
export declare const MISSING_PUBLISHER_MESSAGE: string;
export declare function electronBuilderArguments(input: {
  platform: string;
  env: Record<string, string | undefined>;
  builderArgs?: string[];
}): { ok: true; builderArgs: string[] } | { ok: false; message: string };
