import DataLoader from 'dataloader';
import { VisibilityParams } from './visibility';
import { EntityRow, LinkKey, linkKey, LinkRow, ReportRow, Repository } from './repository';

/**
 * Per-request batching: every nested field of one query level is answered by one round-trip.
 * Loaders are created per request, so their caches never outlive the caller's visibility.
 */
export interface Loaders {
  entity: DataLoader<string, EntityRow | null>;
  links: DataLoader<LinkKey, LinkRow[], string>;
  report: DataLoader<string, ReportRow | null>;
}

export function createLoaders(repo: Repository, auth: VisibilityParams): Loaders {
  return {
    entity: new DataLoader(async (ids) => {
      const found = new Map((await repo.entitiesByIds(auth, ids)).map((e) => [e.id, e]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    links: new DataLoader(
      async (keys) => {
        const found = await repo.linksOf(auth, keys);
        return keys.map((k) => found.get(linkKey(k)) ?? []);
      },
      { cacheKeyFn: linkKey },
    ),
    report: new DataLoader(async (ids) => {
      const found = new Map((await repo.reportsByIds(auth, ids)).map((r) => [r.id, r]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}
