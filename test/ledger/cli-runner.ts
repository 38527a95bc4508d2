/** `npx tsx test/ledger/cli-runner.ts <command> [flags]`: the ledger commands as a script drives them. */
import { runLedgerCommand } from '../../electron/cli/ledger-commands';

const [command = '', ...rest] = process.argv.slice(2);
runLedgerCommand(command, rest).then((code) => process.exit(code));
