#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript (plugins/core/cli.ts). It runs compiled to JavaScript when the
// chunks are there or can be made (bin/precompiled.js, docs/adr/0054), else through jiti (the loader
// Docusaurus itself uses).
'use strict';
const path = require('node:path');
const {precompiledCli} = require('./precompiled');

const PACKAGE_DIR = path.join(__dirname, '..');

async function loadCli() {
  const compiled = await precompiledCli(PACKAGE_DIR);
  if (compiled) return compiled;
  const {createJiti} = require('jiti');
  return createJiti(__filename).import(path.join(PACKAGE_DIR, 'plugins', 'core', 'cli.ts'));
}

loadCli()
  .then((cli) => cli.main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
