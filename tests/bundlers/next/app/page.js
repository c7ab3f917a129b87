// A Server Component: parses the seed page on the server, at request time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, version } from 'xinwen';

export const dynamic = 'force-dynamic';

export default function Page() {
  const { title } = parse(readFileSync(join(process.cwd(), 'public/page.txt'), 'utf8'));
  return <output id="out">{JSON.stringify({ title, version })}</output>;
}
