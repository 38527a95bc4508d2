/**
 * `npm run cli -- <command> ...`: the core from the command line, for field techs and scripts. Every command
 * prints one JSON line and exits 0 or 1; the data folder comes from SALDO_DATA_DIR.
 */
import { runProviderCommand } from './provider-command';

const USAGE = [
  'usage: npm run cli -- <command> [flags]',
  '  provider <relier|mobisend|liquido> <operation> [flags]   one provider operation (health, balance, carriers,',
  '                                                           catalog, topup, status, billers, billpay, orders, reconcile)',
].join('\n');

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  switch (command) {
    case 'provider':
      return runProviderCommand(argv.slice(1));
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return command === undefined ? 1 : 0;
    default:
      console.log(JSON.stringify({ ok: false, error: { code: 'invalid_input', message: `unknown command "${command}"; try --help` } }));
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.log(JSON.stringify({ ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } }));
    process.exit(1);
  },
);
