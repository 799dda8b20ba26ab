import { Command, Option } from 'commander';
import { CLEARANCES, ROLES } from '../auth/principal';
import { mintToken } from '../auth/tokens';
import { loadConfig } from '../config';

/** `npm run --silent token -- --role analyst --agency IT-PS --country IT --clearance RESTRICTED` prints one token. */
const program = new Command()
  .name('token')
  .description('Mint a development JWT signed with JWT_SECRET (or the development secret).')
  .addOption(new Option('--role <role...>', 'role(s)').choices([...ROLES]).default(['analyst']))
  .option('--sub <subject>', 'subject', 'dev-user')
  .option('--agency <agency>', 'agency code', 'EUROPOL')
  .option('--country <country>', 'ISO country code', 'NL')
  .addOption(new Option('--clearance <level>', 'clearance').choices([...CLEARANCES]).default('RESTRICTED'))
  .option('--expires <duration>', 'lifetime, e.g. 12h', '12h')
  .action(async (opts: { role: string[]; sub: string; agency: string; country: string; clearance: string; expires: string }) => {
    const config = loadConfig();
    if (!config.auth.jwtSecret) {
      process.stderr.write('no JWT_SECRET configured: tokens come from your identity provider\n');
      process.exit(2);
    }
    const token = await mintToken(
      config.auth.jwtSecret,
      { sub: opts.sub, roles: opts.role as never, agency: opts.agency.toUpperCase(), country: opts.country.toUpperCase(), clearance: opts.clearance as never },
      opts.expires,
    );
    process.stdout.write(`${token}\n`);
  });

void program.parseAsync();
