#!/usr/bin/env node
/**
 * The ceasefire-ledger CLI (`npm run cli -- <command>`, or the package's `ceasefire-ledger` bin):
 * export, verify, audit, witness-keygen, witness, follow. `--help` lists them; `<command> --help` shows
 * each one's flags and an example. Exit codes: see EXIT.
 */
import { BIN, cliHelp, commandHelp, parseCommand } from './cli-command';
import { EXIT, RecordDoesNotVerify, UsageError } from './cli-errors';
import { COMMANDS } from './commands';

const main = async (argv: string[]): Promise<number> => {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? console.error : console.log)(cliHelp(COMMANDS));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command)
    throw new UsageError(`unknown command ${name}; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`);
  try {
    const parsed = parseCommand(command, rest);
    if (parsed.help) {
      console.log(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(parsed.values, parsed.argument);
  } catch (error) {
    if (error instanceof UsageError)
      error.message = `${command.name}: ${error.message}\nusage: see ${BIN} ${command.name} --help`;
    throw error;
  }
};

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`${BIN}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(
      error instanceof UsageError
        ? EXIT.usage
        : error instanceof RecordDoesNotVerify
          ? EXIT.doesNotVerify
          : EXIT.failed,
    );
  },
);
