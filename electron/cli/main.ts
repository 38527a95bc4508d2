/**
 * `npm run cli -- <command> ...`: the core from the command line, for field techs and scripts. Every command
 * prints one JSON line and exits 0 or 1; the data folder comes from SALDO_DATA_DIR.
 */
import { isDiagnosticsCommand, runDiagnosticsCommand } from './diagnostics';
import { redact } from '../core/kernel/redact';
import { LEDGER_COMMANDS, runLedgerCommand } from './ledger-commands';
import { runProviderCommand } from './provider-command';
import { runUpdatePolicyCommand } from './update-policy';
import { runPricingCommand } from './billpay-command';

const USAGE = [
  'usage: npm run cli -- <command> [flags]',
  '  provider <relier|mobisend|liquido> <operation> [flags]   one provider operation (health, balance, carriers,',
  '                                                           catalog, topup, status, billers, billpay, orders, reconcile)',
  '      with real credentials, topup and billpay spend without a ledger row: refused unless',
  '      --allow-unrecorded --confirm "SIN REGISTRO" (prefer `sell`); every spend is logged',
  '  sell --phone P (--amount N | --sku S) [--provider NAME] [--country C] [--carrier NAME]   record and send one sale',
  '  sales [--state S] [--today] [--limit N]                 sales, newest first',
  '  sync                                                    one pass: recovery, expiry, drain, polls',
  '  verify                                                  integrity check and hash chain, first broken link,',
  '                                                          and the chain head hash (chain.head); exit 1 when broken',
  '  update-policy [--channel C] [--shop-hours 8-21] [--owner-confirms [--allow-queue] | --withdraw]   may an update install now, and why',
  '  diagnostics                                             database, chain, providers probed now, queue, last log lines',
  '  support-bundle --out FILE.zip                           a zip for support, without credentials, PIN hashes or full numbers',
  // Issue 14 (more to sell)
  '  provider mobisend billpay --biller CODE --account N --amount USD [--rush] [--biller-name NAME] [--biller-country C]',
  '                                                          a bill payment through the ledger (quoted, recorded, sent once)',
  '  sell --phone P --amount N --detect-carrier              Mexico: "No sé la compañía", MobiSend detects the carrier',
  '  pricing [--rate MXN_PER_USD --markup PERCENT] [--country C | --country C --clear]',
  '                                                          the shop\'s exchange rate and markup for sales priced in USD',
].join('\n');

const isLedgerCommand = (command: string): command is (typeof LEDGER_COMMANDS)[number] => (LEDGER_COMMANDS as readonly string[]).includes(command);

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (command && isLedgerCommand(command)) return runLedgerCommand(command, argv.slice(1));
  if (command && isDiagnosticsCommand(command)) return runDiagnosticsCommand(command, argv.slice(1));
  switch (command) {
    case 'provider':
      return runProviderCommand(argv.slice(1));
    case 'update-policy':
      return runUpdatePolicyCommand(argv.slice(1));
    // Issue 14 (more to sell)
    case 'pricing':
      return runPricingCommand(argv.slice(1));
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
    console.log(redact(JSON.stringify({ ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } })));
    process.exit(1);
  },
);
