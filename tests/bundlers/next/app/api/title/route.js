// A route handler: parses the seed page on the server, at request time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, version } from 'xinwen';

export const dynamic = 'force-dynamic';

export function GET() {
  const { title } = parse(readFileSync(join(process.cwd(), 'public/page.txt')));
  return Response.json({ title, version });
}
