#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript, loaded with jiti (the loader Docusaurus itself uses).
'use strict';
const path = require('node:path');
const {createJiti} = require('jiti');

const jiti = createJiti(__filename);
jiti
  .import(path.join(__dirname, '..', 'plugins', 'core', 'cli.ts'))
  .then((cli) => cli.main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
