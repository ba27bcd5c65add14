#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { defaultDevAuthDir } from '../auth/dev-key-paths';
import { mintToken } from '../auth/dev-keys';

const USAGE = `Usage: node packages/service-kit/dist/cli/mint-token.js [options]

Prints a development bearer token signed with the local ES256 key pair (created once under
<repo>/.cache/auth; the services trust its public JWKS in development).

  --scope "<scopes>"   space-separated scopes, e.g. "orders:read orders:write"
  --ttl <duration>     lifetime: 3600, 90s, 15m, 1h, 7d (default 1h)
  --sub <subject>      subject (default dev-user)
  --seller-id <id>     seller_id claim (seller-portal tokens)
  --states <SP,RJ>     states claim, comma-separated UF codes
  --iss <issuer>       issuer (default mercado-dev)
  --aud <audience>     audience (default mercado)
  --dir <folder>       key pair folder (default ${defaultDevAuthDir()})
  -h, --help           this text
`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs the CLI and returns its exit code. */
export async function runMintTokenCli(argv: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        scope: { type: 'string', default: '' },
        ttl: { type: 'string', default: '1h' },
        sub: { type: 'string' },
        'seller-id': { type: 'string' },
        states: { type: 'string' },
        iss: { type: 'string' },
        aud: { type: 'string' },
        dir: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    const token = await mintToken({
      scopes: values.scope,
      ttl: values.ttl,
      ...(values.sub !== undefined && { subject: values.sub }),
      ...(values['seller-id'] !== undefined && { sellerId: values['seller-id'] }),
      ...(values.states !== undefined && { states: values.states.split(',').map((s) => s.trim()).filter(Boolean) }),
      ...(values.iss !== undefined && { issuer: values.iss }),
      ...(values.aud !== undefined && { audience: values.aud }),
      ...(values.dir !== undefined && { dir: values.dir }),
    });
    io.stdout(`${token}\n`);
    return 0;
  } catch (error) {
    io.stderr(`mint-token: ${(error as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  void runMintTokenCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then((code) => {
    process.exitCode = code;
  });
}
