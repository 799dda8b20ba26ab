import { IDENTITY_QUALIFIER } from '../domain/identity';
import { ReportDocument } from './validate';

/**
 * The stable codes of import warnings. A warning never refuses an import: it says that an entity's
 * identity rests on less than its identity key, so that namesakes may merge or one entity split.
 */
export const IMPORT_WARNING_CODES = ['MISSING_BIRTH_DATE', 'MISSING_COUNTRY', 'SINGLE_NAME'] as const;
export type ImportWarningCode = (typeof IMPORT_WARNING_CODES)[number];

export interface ImportWarning {
  path: string;
  code: ImportWarningCode;
  message: string;
}

const absent = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * The warnings of a (validated) document, from the document alone (never from stored data), in
 * entity order. Entities with a loader-supplied `id` get none: their identity is that id.
 */
export function importWarnings(doc: ReportDocument): ImportWarning[] {
  const out: ImportWarning[] = [];
  doc.entities.forEach((entity, i) => {
    if (typeof entity.id === 'string') return;
    const e = entity as Record<string, unknown>;
    if (entity.type === 'Person') {
      if (absent(e[IDENTITY_QUALIFIER.Person])) {
        out.push({
          path: `entities[${i}].${IDENTITY_QUALIFIER.Person}`,
          code: 'MISSING_BIRTH_DATE',
          message:
            'a person without birthDate is identified by name alone: two namesakes merge into one person, and the same person stated with a birth date elsewhere becomes a second one',
        });
      }
      if (typeof e.name === 'string' && e.name.trim().split(/\s+/u).length < 2) {
        out.push({
          path: `entities[${i}].name`,
          code: 'SINGLE_NAME',
          message: 'a person named by a single word (a nickname or one name) is likely to merge with namesakes; give the full name if known',
        });
      }
    } else if ((entity.type === 'Organisation' || entity.type === 'Location') && absent(e[IDENTITY_QUALIFIER[entity.type]])) {
      out.push({
        path: `entities[${i}].${IDENTITY_QUALIFIER[entity.type]}`,
        code: 'MISSING_COUNTRY',
        message: `${entity.type === 'Location' ? 'a location' : 'an organisation'} without country is identified by name alone: namesakes in different countries merge, and the same one stated with a country elsewhere becomes a second one`,
      });
    }
  });
  return out;
}
