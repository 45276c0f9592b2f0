import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

export const TENANT_ID = '7d3c2a1b-0f4e-4d5c-8b6a-9e8d7c6b5a40';
export const APP_ID = '0b6f6c1e-5f0e-4b7a-9a51-6f2d3c4b5a69';
export const PUBLIC_BASE_URL = 'https://honbu.city.example.jp';
export const APP_ID_URI = `api://honbu.city.example.jp/${APP_ID}`;

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/**
 * Stands in for Entra ID: a key pair whose public half is published on a
 * loopback keys endpoint (JWKS), and a signer for Teams-like SSO tokens.
 * `stranger` signs with a key that is not published.
 */
export class FakeEntra {
  private constructor(
    private readonly server: Server,
    private readonly key: PrivateKey,
    private readonly strangerKey: PrivateKey,
    readonly keysUrl: string,
  ) {}

  static async start(): Promise<FakeEntra> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const stranger = await generateKeyPair('RS256');
    const jwk = {
      ...(await exportJWK(publicKey)),
      kid: 'honbu-test-key',
      use: 'sig',
      alg: 'RS256',
    };
    const server = createServer((req, res) => {
      res.writeHead(req.url === '/keys' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(req.url === '/keys' ? { keys: [jwk] } : {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new FakeEntra(server, privateKey, stranger.privateKey, `http://127.0.0.1:${port}/keys`);
  }

  /** Env for Honbu so it trusts this issuer. */
  env(): Record<string, string> {
    return {
      MicrosoftAppId: APP_ID,
      MicrosoftAppTenantId: TENANT_ID,
      PUBLIC_BASE_URL,
      TAB_SSO_KEYS_URL: this.keysUrl,
    };
  }

  /**
   * An access token as Teams' getAuthToken returns it (v1 shape, audience the
   * application id URI), valid for an hour from `now`; `claims` override any part.
   */
  async token(
    user: { upn: string; oid: string; name?: string },
    now: Date,
    claims: JWTPayload = {},
    options: { signedBy?: 'entra' | 'stranger' } = {},
  ): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    const payload: JWTPayload = {
      aud: APP_ID_URI,
      iss: `https://sts.windows.net/${TENANT_ID}/`,
      tid: TENANT_ID,
      oid: user.oid,
      upn: user.upn,
      name: user.name ?? user.upn,
      scp: 'access_as_user',
      iat,
      nbf: iat,
      exp: iat + 3600,
      ...claims,
    };
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: 'honbu-test-key', typ: 'JWT' })
      .sign(options.signedBy === 'stranger' ? this.strangerKey : this.key);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
