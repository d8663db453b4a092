//! The `followback` command-line tool's logic (arguments, reading files, printing JSON lines).
