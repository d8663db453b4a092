// @ts-check
// Content script entry point. build.sh bundles this file and the modules it
// imports into one classic script, dist/content/content.js (MV3 content
// scripts cannot be ES modules); the bundle starts at document_start, before
// the page hook can post anything, so no payload is missed.
import { start } from './main.js';

start();
