//! Fuzz target: memory. The input is a saved memory (`Memory::from_json`,
//! what chrome.storage or an export file holds), then more observations are
//! remembered into it (the same bytes read with `read::read_any`, so every
//! merge path runs against a fuzzed store). After each step the store is
//! bounded, scores stay in range and an export re-imports to the same export.
#![no_main]

use followback::memory::Memory;
use followback::read;
use followback::Settings;
use followback_fuzz as check;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = check::text(data);
    let settings = Settings::default();
    let budget = data.len().saturating_mul(2);
    let mut memory = match Memory::from_json(&text) {
        Ok(m) => {
            check::check_memory(&m, &settings);
            check::check_round_trip(&m, budget)
        }
        Err(_) => Memory::new(50),
    };
    if let Ok(obs) = read::read_any(&text) {
        memory.remember(obs, check::NOW + 60);
        check::check_memory(&memory, &settings);
        check::check_round_trip(&memory, budget);
    }
});
