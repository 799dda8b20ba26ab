import { ApolloServer } from '@apollo/server';
import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { Config } from '../config';
import { Context } from '../graphql/context';
import { PROJECT_ROOT } from '../paths';
import { exportRoute } from './export-route';

/** Where `npm run build:web` (web/build.mjs) writes the bundled front-end. */
export const WEB_DIST = path.join(PROJECT_ROOT, 'dist', 'web');

/**
 * Nothing on these pages may load from outside the service (police networks are often offline):
 * the browser enforces it.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function page(file: string): express.RequestHandler {
  return (_req, res) => {
    const full = path.join(WEB_DIST, file);
    if (!fs.existsSync(full)) {
      res.status(503).type('text/plain').send('The web front-end is not built: run `npm run build`.');
      return;
    }
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(full);
  };
}

/** A browser asking for a page (GraphQL clients send application/json or graphql-response+json). */
const wantsHtml = (req: express.Request) =>
  req.method === 'GET' && req.query.query === undefined && req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';

export interface WebDeps {
  config: Config;
  apollo: ApolloServer<Context>;
  contextFor: (req: express.Request) => Promise<Context>;
  /** The per-address rate limit /graphql applies (one budget shared with the exports). */
  perAddress: express.RequestHandler;
}

/**
 * The browser side of the service: the GraphiQL IDE on GET /graphql (when enabled), the network
 * explorer at /explore, their bundled assets, and the exports. Mount before the /graphql endpoint.
 */
export function mountWeb(app: express.Express, deps: WebDeps): void {
  app.get('/', (_req, res) => res.redirect(302, '/explore'));
  app.get('/explore', page('explorer.html'));
  app.use(
    '/assets',
    express.static(WEB_DIST, {
      index: false,
      setHeaders: (res) => {
        res.setHeader('Content-Security-Policy', CSP);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  if (deps.config.graphqlIde) {
    const ide = page('graphiql.html');
    app.get('/graphql', (req, res, next) => (wantsHtml(req) ? ide(req, res, next) : next()));
  }
  app.get('/export/:format', deps.perAddress, exportRoute(deps));
}
