// Shared by the unit tests: the extension's scripts, read as text.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXTENSION = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../extension');

/** Every .js file under extension/, as [path relative to extension/ with "/", text]. */
export function scripts() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) out.push([path.relative(EXTENSION, full).split(path.sep).join('/'), readFileSync(full, 'utf8')]);
    }
  };
  walk(EXTENSION);
  return out;
}

/** The text of extension/<file>. */
export function source(file) {
  return readFileSync(path.join(EXTENSION, file), 'utf8');
}
