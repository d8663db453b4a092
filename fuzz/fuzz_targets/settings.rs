//! Fuzz target: settings. The input is a saved settings value (the tolerant
//! `Settings::from_json` the worker uses), the same JSON as the options
//! page validates it (`settings::validate`) and as an import file
//! (`settings::check_import`). Repaired settings validate clean, strictly
//! valid settings read the same tolerantly, an accepted import re-exports to
//! an import that changes nothing, and fixture accounts scored under any
//! accepted settings stay in 0..=100.
#![no_main]

use std::sync::OnceLock;

use followback::settings::{self, check_import, export_document};
use followback::{Account, Settings};
use followback_fuzz as check;
use libfuzzer_sys::fuzz_target;

fn accounts() -> &'static [Account] {
    static ACCOUNTS: OnceLock<Vec<Account>> = OnceLock::new();
    ACCOUNTS.get_or_init(|| {
        check::accounts_of(&[
            include_str!("../../tests/fixtures/graphql/followers_gen3.json"),
            include_str!("../../tests/fixtures/v11/users.json"),
        ])
    })
}

fuzz_target!(|data: &[u8]| {
    let text = check::text(data);
    let loaded = Settings::from_json(&text).expect("the tolerant reader never fails");
    check::check_settings_canonical(&loaded.settings);
    check::score_profiles(accounts(), &loaded.settings);

    let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
        return;
    };
    if let Ok(valid) = settings::validate(&value) {
        // (The same settings as `loaded` when the invariant below holds:
        // checked once.)
        if valid != loaded.settings {
            check::check_settings_canonical(&valid);
        }
        assert_eq!(
            loaded.settings, valid,
            "strictly valid settings read differently by the tolerant reader"
        );
    }
    let current = Settings::default();
    if let Ok(plan) = check_import(&value, &current) {
        if plan.settings != loaded.settings {
            check::check_settings_canonical(&plan.settings);
        }
        assert_eq!(
            plan.changed,
            settings::changed_ids(&current, &plan.settings),
            "an import plan names other changes than the settings it gives"
        );
        let overrides = value.get("overrides").cloned().unwrap_or_default();
        let file = export_document(&plan.settings, &overrides);
        match check_import(&file, &plan.settings) {
            Ok(again) => {
                assert_eq!(
                    again.settings, plan.settings,
                    "re-importing an export changed settings"
                );
                assert!(
                    again.changed.is_empty(),
                    "re-importing an export changes {:?}",
                    again.changed
                );
            }
            Err(e) => panic!("our own export of accepted settings is refused: {e}"),
        }
    }
});
