/**
 * `npm run cli -- <command> ...`: the core from the command line, for field techs and scripts. Every command
 * prints one JSON line and exits 0 or 1; the data folder comes from SALDO_DATA_DIR.
 */
import { isDiagnosticsCommand, runDiagnosticsCommand } from './diagnostics';
import { redact } from '../core/kernel/redact';
import { LEDGER_COMMANDS, runLedgerCommand } from './ledger-commands';
import { runProviderCommand } from './provider-command';
import { runUpdatePolicyCommand } from './update-policy';
// Issue 10: set-up, people, settings, credentials.
import { isShopCommand, runShopCommand } from './shop-commands';
// Back office (issue 13)
import { BACKOFFICE_COMMANDS, runBackofficeCommand } from './backoffice-commands';
// accounts (w7-accounts)
import { ACCOUNTS_COMMANDS, runAccountsCommand, type AccountsCommand } from './accounts-commands';
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
  // Issue 10: set-up, people, settings, credentials.
  '  setup --shop-name "…" --owner-name "…" --owner-pin NNNN [--timezone ZONE]   first set-up in one shot (conflict once an owner exists)',
  '  users list | add --name "…" --role cashier|owner|tech --pin NNNN | disable --id ID | reset-pin --id ID --pin NNNN',
  '  settings get | set KEY VALUE                            every setting; VALUE as JSON (80, true, {...}) or text',
  '  credentials list | set <provider> --url URL --api-key K [--customer-id C] [--reconcile-key R] [--access-token T]',
  '      (a value "-" is read from standard input) | test <provider> | remove <provider>',
  // Back office (issue 13)
  '  shift open [--float 500]                                open the drawer (default float: what was left at the last count)',
  '  shift cash (--in N | --out N) --reason "…"              cash put in or taken out of the open drawer',
  '  shift close --counted 1234.50 [--note "…"] [--owner-pin P]   count the drawer (ends the shift), then the owner closes it;',
  '                                                          beyond the tolerance the owner\'s PIN and a note are needed',
  '  shift close [--id ID] --note "…" --owner-pin P          close a counted shift that awaits the owner',
  '  shift current                                           the open shift (or the last one counted), with expected cash',
  '  report [--from D] [--to D] [--by cashier|carrier|provider|state|hour|day|shift]   figures per ledger state, cost, margin',
  '  close-day [--date D]                                    the Z of a business day (today by default); never redone',
  // accounts (w7-accounts)
  '  export sales --from D --to D --out FILE.csv [--full-numbers]   CSV of the sales (numbers masked to the last 4 unless asked)',
  '  export report [--from D] [--to D] [--by G] | --z Z-0001 [--paper A4|Letter] --out FILE.pdf|.csv   a report or a Z',
  '  reconcile --date D [--provider P] [--settle]            the day against each provider\'s records; --settle settles unknowns',
  '  deposits add --provider P --amount N --currency USD --reference R [--date D]   a deposit to a provider account',
  '  deposits list [--from D] [--to D] [--provider P]        deposits recorded',
  '  float-check --date D                                    per provider: expected, reported, variance and likely causes',
  '  refunds [--full-numbers]                                sales owed back, oldest first, with age',
  '  balances [--refresh]                                    provider balances, thresholds, low or not',
  // Issue 14 (more to sell)
  '  provider mobisend billpay --biller CODE --account N --amount USD [--rush] [--biller-name NAME] [--biller-country C]',
  '                                                          a bill payment through the ledger (quoted, recorded, sent once)',
  '  sell --phone P --amount N --detect-carrier              Mexico: "No sé la compañía", MobiSend detects the carrier',
  '  pricing [--rate MXN_PER_USD --markup PERCENT] [--country C | --country C --clear]',
  '                                                          the shop\'s exchange rate and markup for sales priced in USD',
].join('\n');

const isBackofficeCommand = (command: string): command is (typeof BACKOFFICE_COMMANDS)[number] => (BACKOFFICE_COMMANDS as readonly string[]).includes(command);
const isAccountsCommand = (command: string): command is AccountsCommand => (ACCOUNTS_COMMANDS as readonly string[]).includes(command);
const isLedgerCommand = (command: string): command is (typeof LEDGER_COMMANDS)[number] => (LEDGER_COMMANDS as readonly string[]).includes(command);

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (command && isLedgerCommand(command)) return runLedgerCommand(command, argv.slice(1));
  if (command && isDiagnosticsCommand(command)) return runDiagnosticsCommand(command, argv.slice(1));
  if (command && isShopCommand(command)) return runShopCommand(command, argv.slice(1));
  if (command && isBackofficeCommand(command)) return runBackofficeCommand(command, argv.slice(1));
  // accounts (w7-accounts)
  if (command && isAccountsCommand(command)) return runAccountsCommand(command, argv.slice(1));
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
