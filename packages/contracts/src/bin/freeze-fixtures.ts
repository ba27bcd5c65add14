// Freezes the fixtures of every published event under packages/contracts/fixtures (append-only).
// Run: pnpm --filter @mercado/contracts fixtures:freeze
import { catalog } from '../catalog/catalog';
import { freezeFixtures } from '../compat/frozen-fixtures';

const written = freezeFixtures(catalog.events);
console.log(
  written.length ? `froze ${written.length} file(s):\n${written.join('\n')}` : 'all fixtures already frozen',
);
