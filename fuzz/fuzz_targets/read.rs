//! Fuzz target: the readers. The input is a response copied from X's page
//! (`read::read_page`: X's GraphQL shapes only, bounded) and, the same bytes,
//! any text the CLI reads (`read::read_any`: GraphQL, v1.1, JSON Lines,
//! exports). Whatever is read is scored, remembered and saved: every
//! invariant in `followback_fuzz` must hold.
#![no_main]

use followback::memory::Memory;
use followback::read;
use followback::Settings;
use followback_fuzz as check;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = check::text(data);
    let settings = Settings::default();
    if let Ok(obs) = read::read_page(&text) {
        check::check_page_observations(&obs);
        check::score_profiles(&obs.accounts, &settings);
        let mut memory = Memory::new(1_000);
        memory.remember(obs, check::NOW);
        check::check_memory(&memory, &settings);
        check::check_round_trip(&memory, data.len());
    }
    // Remembering what read_any finds is the memory target's part.
    if let Ok(obs) = read::read_any(&text) {
        check::score_profiles(&obs.accounts, &settings);
    }
});
