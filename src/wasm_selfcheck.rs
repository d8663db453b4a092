//! The self-check's wasm export (issue 13): `Engine.selfCheck`, a child of
//! `wasm` so it can use the engine's memory. The viewer's own account is
//! remembered exactly like any other account (the same DOM merge as a verdict
//! request); nothing more is kept about the viewer.

use wasm_bindgen::prelude::*;

use super::{to_js, unix_seconds, Engine, VerdictRequest};
use crate::json_out::{Obj, WriteJson};
use crate::read::objects::{from_text, verdict_request};
use crate::score;
use crate::selfcheck::{self, SelfCheck};
use crate::settings::Settings;
use crate::signals::Subject;

/// What `selfCheck` answers.
struct SelfCheckReply {
    /// The `selfcheck.enabled` setting.
    enabled: bool,
    /// Null when switched off or when nothing is known about the account.
    check: Option<SelfCheck>,
}

impl WriteJson for SelfCheckReply {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("enabled", &self.enabled)
            .field("check", &self.check)
            .end();
    }
}

#[wasm_bindgen]
impl Engine {
    /// The self-check for `{ handle, id?, dom? }` (the viewer's own account):
    /// `{ enabled, check: SelfCheck | null }`. The verdict is the one other
    /// people's Followback would give: default settings, and without the
    /// signals about the viewer (interactions with you). Never throws.
    #[wasm_bindgen(js_name = selfCheck)]
    pub fn self_check(&mut self, request: JsValue, now_ms: f64) -> JsValue {
        let enabled = self.settings.selfcheck_enabled;
        if !enabled {
            return to_js(&SelfCheckReply {
                enabled,
                check: None,
            });
        }
        let now = unix_seconds(now_ms);
        let request: VerdictRequest = super::json_from_js(&request)
            .ok()
            .and_then(|text| from_text(&text, verdict_request).ok())
            .unwrap_or_default();
        let id = request.id.clone();
        let page = request.dom.as_ref().map(crate::read::dom::account_from_dom);
        let handle = request
            .handle
            .clone()
            .or_else(|| page.as_ref().map(|a| a.handle.clone()));
        // Remembers the page's facts exactly as a verdict request does.
        let _ = crate::boundary::remember_shown(&mut self.memory, request, now);
        let check = self
            .memory
            .get(id.as_deref(), handle.as_deref())
            .map(|entry| {
                let account = selfcheck::with_page_profile(&entry.account, page.as_ref());
                let subject = Subject {
                    account: &account,
                    interactions: &[],
                    ..entry.subject()
                };
                let verdict = score::score(&subject, &Settings::default(), now);
                selfcheck::self_check(&verdict, &account)
            });
        to_js(&SelfCheckReply { enabled, check })
    }
}
