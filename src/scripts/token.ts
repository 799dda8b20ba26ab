import { Command, Option } from 'commander';
import { CLEARANCES, ROLES } from '../auth/principal';
import { mintToken, TokenVerifier } from '../auth/tokens';
import { ConfigError, durationSeconds, loadConfig } from '../config';

function refuse(message: string, code = 2): never {
  process.stderr.write(`token refused: ${message}\n`);
  process.exit(code);
}

/**
 * `npm run --silent token -- --role analyst --agency IT-PS --country IT --clearance RESTRICTED`
 * prints one token, signed with JWT_SECRET or, in development, this installation's generated
 * secret (`<data folder>/dev-jwt-secret`, the one `npm start` uses). A token the service would
 * refuse (an unknown country, a lifetime beyond MAX_TOKEN_TTL, …) is not printed: the script
 * checks it with the service's own verifier and exits 2 with the reason.
 */
const program = new Command()
  .name('token')
  .description("Mint a development JWT signed with JWT_SECRET (or this installation's generated development secret).")
  .addOption(new Option('--role <role...>', 'role(s)').choices([...ROLES]).default(['analyst']))
  .option('--sub <subject>', 'subject', 'dev-user')
  .option('--agency <agency>', 'agency code', 'EUROPOL')
  .option('--country <country>', 'ISO country code', 'NL')
  .addOption(new Option('--clearance <level>', 'clearance').choices([...CLEARANCES]).default('RESTRICTED'))
  .option('--expires <duration>', 'lifetime, e.g. 12h (at most MAX_TOKEN_TTL)', '12h')
  .action(async (opts: { role: string[]; sub: string; agency: string; country: string; clearance: string; expires: string }) => {
    let config;
    try {
      config = loadConfig();
    } catch (err) {
      if (err instanceof ConfigError) refuse(err.message);
      throw err;
    }
    if (!config.auth.jwtSecret || config.auth.jwksUrl) refuse('no JWT_SECRET configured: tokens come from your identity provider (JWT_JWKS_URL)');
    const lifetime = durationSeconds(opts.expires);
    if (lifetime === undefined || lifetime <= 0) refuse(`--expires must be a duration such as 3600, 90m, 12h or 1d (got "${opts.expires}")`);
    const token = await mintToken(
      config.auth.jwtSecret,
      { sub: opts.sub, roles: opts.role as never, agency: opts.agency.toUpperCase(), country: opts.country.toUpperCase(), clearance: opts.clearance as never },
      `${lifetime}s`,
      { issuer: config.auth.issuer, audience: config.auth.audience },
    );
    // The service's own check: what it would refuse is not handed out.
    try {
      await new TokenVerifier(config.auth).verify(`Bearer ${token}`);
    } catch (err) {
      refuse(`the service would refuse this token: ${(err as Error).message}`);
    }
    process.stdout.write(`${token}\n`);
  });

void program.parseAsync();
