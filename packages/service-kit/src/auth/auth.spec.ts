import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { base64url, exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import pino from 'pino';
import request from 'supertest';
import { testKeys } from '../../test/support/auth-fixtures';
import { createHttpApp, type HttpApp } from '../http/http-app';
import { authContextFromClaims, bearerToken, missingScopes, scopesOf } from './auth-context';
import { ensureDevKeyPair } from './dev-keys';
import { createTokenVerifier } from './token-verifier';

describe('bearer token verification', () => {
  let keys: Awaited<ReturnType<typeof testKeys>>;
  let kit: HttpApp;

  beforeAll(async () => {
    keys = await testKeys();
    kit = createHttpApp({
      serviceName: 'sales',
      auth: keys.verifier,
      logger: pino({ level: 'silent' }),
      routes: [
        {
          method: 'post',
          path: '/orders',
          scopes: ['orders:write'],
          handler: (req, res) => {
            res.json(req.auth);
          },
        },
        { method: 'get', path: '/me', handler: (req, res) => void res.json({ subject: req.auth!.subject }) },
      ],
    });
  });

  afterAll(() => keys.cleanup());

  async function publicJwk() {
    return JSON.parse(await readFile(`${keys.dir}/dev-jwks.json`, 'utf8')).keys[0];
  }

  function unsigned(header: object, payload: object): string {
    const encode = (part: object) => base64url.encode(JSON.stringify(part));
    return `${encode(header)}.${encode(payload)}.`;
  }

  const now = () => Math.floor(Date.now() / 1000);

  type Case = { name: string; header?: () => Promise<string | undefined>; status: number; detail: string; challenge: string };
  const invalid = (description: string) => `Bearer realm="mercado", error="invalid_token", error_description="${description}"`;

  const cases: Case[] = [
    { name: 'missing', header: async () => undefined, status: 401, detail: 'a bearer token is required', challenge: 'Bearer realm="mercado"' },
    {
      name: 'another scheme',
      header: async () => `Basic ${Buffer.from('a:b').toString('base64')}`,
      status: 401,
      detail: 'the Authorization header must use the Bearer scheme',
      challenge: 'Bearer realm="mercado"',
    },
    { name: 'empty bearer', header: async () => 'Bearer ', status: 401, detail: 'the bearer token is empty', challenge: invalid('the bearer token is empty') },
    { name: 'malformed', header: async () => 'Bearer not.a-jwt', status: 401, detail: 'the token is malformed', challenge: invalid('the token is malformed') },
    {
      name: 'expired',
      header: async () => `Bearer ${await keys.token({ scopes: 'orders:write', ttl: 60, issuedAtOffsetSeconds: -3600 })}`,
      status: 401,
      detail: 'the token has expired',
      challenge: invalid('the token has expired'),
    },
    {
      name: 'not yet valid',
      header: async () => `Bearer ${await keys.token({ scopes: 'orders:write', notBeforeSeconds: 60 })}`,
      status: 401,
      detail: 'the token is not valid yet',
      challenge: invalid('the token is not valid yet'),
    },
    {
      name: 'wrong issuer',
      header: async () => `Bearer ${await keys.token({ scopes: 'orders:write', issuer: 'https://evil.example' })}`,
      status: 401,
      detail: 'the token was not issued by mercado-dev',
      challenge: invalid('the token was not issued by mercado-dev'),
    },
    {
      name: 'wrong audience',
      header: async () => `Bearer ${await keys.token({ scopes: 'orders:write', audience: 'warehouse' })}`,
      status: 401,
      detail: 'the token is not meant for mercado',
      challenge: invalid('the token is not meant for mercado'),
    },
    {
      name: 'tampered payload (scope added after signing)',
      header: async () => {
        const [header, payload, signature] = (await keys.token({ scopes: 'orders:read' })).split('.');
        const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
        claims.scope = 'orders:read orders:write';
        return `Bearer ${header}.${base64url.encode(JSON.stringify(claims))}.${signature}`;
      },
      status: 401,
      detail: 'the token signature does not verify',
      challenge: invalid('the token signature does not verify'),
    },
    {
      name: 'tampered signature',
      header: async () => {
        const token = await keys.token({ scopes: 'orders:write' });
        const signature = Buffer.from(token.split('.')[2]!, 'base64url');
        signature[10] = signature[10]! ^ 0xff;
        return `Bearer ${token.split('.').slice(0, 2).join('.')}.${signature.toString('base64url')}`;
      },
      status: 401,
      detail: 'the token signature does not verify',
      challenge: invalid('the token signature does not verify'),
    },
    {
      name: 'alg none',
      header: async () =>
        `Bearer ${unsigned({ alg: 'none', typ: 'JWT' }, { sub: 'x', scope: 'orders:write', iss: 'mercado-dev', aud: 'mercado', exp: now() + 600 })}`,
      status: 401,
      detail: 'the token is not signed with an accepted algorithm',
      challenge: invalid('the token is not signed with an accepted algorithm'),
    },
    {
      name: 'HS256 signed with the public key as the secret',
      header: async () => {
        const jwk = await publicJwk();
        const secret = new TextEncoder().encode(JSON.stringify({ keys: [jwk] }));
        const token = await new SignJWT({ scope: 'orders:write' })
          .setProtectedHeader({ alg: 'HS256', kid: jwk.kid })
          .setIssuer('mercado-dev')
          .setAudience('mercado')
          .setSubject('attacker')
          .setExpirationTime('10m')
          .sign(secret);
        return `Bearer ${token}`;
      },
      status: 401,
      detail: 'the token is not signed with an accepted algorithm',
      challenge: invalid('the token is not signed with an accepted algorithm'),
    },
    {
      name: 'signed by an unknown key',
      header: async () => {
        const { privateKey } = await generateKeyPair('ES256');
        const token = await new SignJWT({ scope: 'orders:write' })
          .setProtectedHeader({ alg: 'ES256', kid: 'someone-else' })
          .setIssuer('mercado-dev')
          .setAudience('mercado')
          .setSubject('x')
          .setExpirationTime('10m')
          .sign(privateKey);
        return `Bearer ${token}`;
      },
      status: 401,
      detail: 'no trusted key matches the token',
      challenge: invalid('no trusted key matches the token'),
    },
    {
      name: 'without an expiry',
      header: async () => {
        const { privateJwk } = await ensureDevKeyPair(keys.dir);
        const key = await importJWK(privateJwk, 'ES256');
        const token = await new SignJWT({ scope: 'orders:write' })
          .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid! })
          .setIssuer('mercado-dev')
          .setAudience('mercado')
          .setSubject('forever')
          .sign(key);
        return `Bearer ${token}`;
      },
      status: 401,
      detail: 'the token has no exp claim',
      challenge: invalid('the token has no exp claim'),
    },
    {
      name: 'missing scope',
      header: async () => `Bearer ${await keys.token({ scopes: 'orders:read' })}`,
      status: 403,
      detail: 'the token lacks the scope orders:write',
      challenge: 'Bearer realm="mercado", error="insufficient_scope", scope="orders:write"',
    },
  ];

  it.each(cases)('$name → $status', async ({ header, status, detail, challenge }) => {
    const req = request(kit.app).post('/orders').set('X-Request-Id', 'r-auth');
    const value = await header!();
    const response = await (value === undefined ? req : req.set('Authorization', value));
    expect(response.status).toBe(status);
    expect(response.headers['www-authenticate']).toBe(challenge);
    expect(response.body).toEqual({
      type: `https://mercado.dev/problems/${status === 401 ? 'unauthorized' : 'forbidden'}`,
      title: status === 401 ? 'Authentication is required' : 'You are not allowed to do this',
      status,
      detail,
      instance: '/orders',
      ...(status === 403 && { requiredScopes: ['orders:write'], missingScopes: ['orders:write'] }),
      requestId: 'r-auth',
    });
  });

  it('a valid token passes, with its claims on req.auth', async () => {
    const token = await keys.token({ scopes: ['orders:read', 'orders:write'], subject: 'u-1', sellerId: 's-9', states: ['sp'] });
    const response = await request(kit.app).post('/orders').set('Authorization', `bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ subject: 'u-1', scopes: ['orders:read', 'orders:write'], sellerId: 's-9', states: ['SP'] });
  });

  it('accepts a token that expired within the 5 s clock tolerance', async () => {
    const token = await keys.token({ ttl: 60, issuedAtOffsetSeconds: -62 });
    expect((await request(kit.app).get('/me').set('Authorization', `Bearer ${token}`)).body).toEqual({ subject: 'dev-user' });
  });

  it('verifies against a remote JWKS, and answers 503 when the key set cannot be fetched', async () => {
    const jwks = await readFile(`${keys.dir}/dev-jwks.json`, 'utf8');
    const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    try {
      const remote = createTokenVerifier({ issuer: 'mercado-dev', audience: 'mercado', jwksUrl: url });
      expect((await remote.verify(await keys.token({ scopes: 'a b' }))).scopes).toEqual(['a', 'b']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const unreachable = createTokenVerifier({ issuer: 'mercado-dev', audience: 'mercado', jwksUrl: url });
    await expect(unreachable.verify(await keys.token())).rejects.toMatchObject({ status: 503, detail: 'tokens cannot be verified right now' });
  });

  it('verifies against a key set given directly, and refuses symmetric algorithms and ambiguous sources', async () => {
    const { publicKey } = await generateKeyPair('EdDSA');
    const jwks = { keys: [await exportJWK(publicKey)] };
    expect(() => createTokenVerifier({ issuer: 'i', audience: 'a', jwks, algorithms: ['HS256'] })).toThrow('symmetric or unsigned algorithms are not accepted: HS256');
    expect(() => createTokenVerifier({ issuer: 'i', audience: 'a' })).toThrow('exactly one of jwksUrl, jwksFile and jwks');
    expect(() => createTokenVerifier({ issuer: 'i', audience: 'a', jwksFile: '/nonexistent/jwks.json' })).toThrow(
      'cannot read the JWKS file /nonexistent/jwks.json (AUTH_JWKS_FILE)',
    );
    const verifier = createTokenVerifier({ issuer: 'i', audience: 'a', jwks });
    await expect(verifier.verify('x.y.z')).rejects.toMatchObject({ status: 401, detail: 'the token is malformed' });
  });
});

describe('auth context', () => {
  it('reads scopes from the scope string and the scopes array, without duplicates', () => {
    expect(scopesOf({ scope: 'a  b' })).toEqual(['a', 'b']);
    expect(scopesOf({ scopes: ['c', 'a'], scope: 'a' })).toEqual(['a', 'c']);
    expect(scopesOf({ scope: 42, scopes: [1] })).toEqual([]);
  });

  it('keeps subject, seller and states', () => {
    expect(authContextFromClaims({ sub: 'u', scope: 'x', seller_id: 's', states: 'sp rj' })).toEqual({
      subject: 'u',
      scopes: ['x'],
      sellerId: 's',
      states: ['SP', 'RJ'],
      claims: { sub: 'u', scope: 'x', seller_id: 's', states: 'sp rj' },
    });
    expect(authContextFromClaims({ seller_id: '' })).toEqual({ subject: '', scopes: [], claims: { seller_id: '' } });
  });

  it('names the missing scopes', () => {
    expect(missingScopes(['a', 'b'], ['b'])).toEqual(['a']);
    expect(missingScopes([], [])).toEqual([]);
  });

  it('extracts a bearer token', () => {
    expect(bearerToken(undefined)).toEqual({ problem: 'missing' });
    expect(bearerToken('  ')).toEqual({ problem: 'missing' });
    expect(bearerToken('Token abc')).toEqual({ problem: 'not-bearer' });
    expect(bearerToken('Bearer')).toEqual({ problem: 'empty' });
    expect(bearerToken('BEARER  abc ')).toEqual({ token: 'abc' });
  });
});
