'use client';
// A Client Component: the package's default entry after init(), in the browser.
import { useEffect, useState } from 'react';
import init, { parse, version } from 'xinwen';

export default function Client() {
  const [out, setOut] = useState('');
  useEffect(() => {
    init()
      .then(() => fetch('/page.txt'))
      .then((response) => response.text())
      .then((text) => setOut(JSON.stringify({ title: parse(text).title, version })))
      .catch((e) => setOut(JSON.stringify({ error: String(e) })));
  }, []);
  return <output id="out">{out}</output>;
}
