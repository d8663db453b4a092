//! The viewer (the logged-in account) from the payloads that carry it: X
//! wraps some responses in the viewer's own user result (`Viewer`,
//! `NotificationsTimeline`). Only these fixed places count, never an account
//! that merely appears in a payload, and only a handle shaped like X's.

use serde_json::Value;

use super::json::{at, Path};
use super::user;
use crate::model::{Source, Viewer};

/// Where a response carries the viewer's user result: the one JSON path table
/// for the viewer (`Viewer` / `ViewerAccountSync`, then the notifications
/// timeline's wrapper).
pub(crate) const VIEWER_PATHS: &[Path] = &[
    &["data", "viewer", "user_results", "result"],
    &["data", "viewer_v2", "user_results", "result"],
];

/// Longest handle X allows.
const HANDLE_MAX_CHARS: usize = 15;

/// True for a handle X could have issued: 1 to 15 ASCII letters, digits or `_`.
pub(crate) fn is_x_handle(handle: &str) -> bool {
    !handle.is_empty()
        && handle.len() <= HANDLE_MAX_CHARS
        && handle
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The viewer a response carries, if any: the first of [`VIEWER_PATHS`]
/// holding a user result with an X handle (a `UserUnavailable` or nameless
/// result carries none).
pub(crate) fn viewer(document: &Value) -> Option<Viewer> {
    VIEWER_PATHS.iter().find_map(|path| {
        let result = at(document, path).filter(|r| user::is_graphql_user(r))?;
        let account = user::from_graphql(result, Source::Graphql);
        is_x_handle(&account.handle).then(|| Viewer {
            handle: account.handle,
            id: account
                .id
                .filter(|id| id.len() <= super::bounds::IDENT_MAX_CHARS),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn handles_x_could_issue() {
        assert!(is_x_handle("viewer_me"));
        assert!(is_x_handle("A1"));
        assert!(!is_x_handle(""));
        assert!(!is_x_handle("sixteen_chars_xx"));
        assert!(!is_x_handle("a b"));
        assert!(!is_x_handle("ann<b>"));
    }

    #[test]
    fn only_the_wrappers_carry_a_viewer() {
        let user = json!({"__typename": "User", "rest_id": "7", "core": {"screen_name": "me"}});
        let v = viewer(&json!({"data": {"viewer": {"user_results": {"result": user}}}}));
        assert_eq!(
            v,
            Some(Viewer {
                handle: "me".into(),
                id: Some("7".into())
            })
        );
        assert_eq!(
            viewer(&json!({"data": {"user": {"result": user}}})),
            None,
            "a profile's user is not the viewer"
        );
        let unavailable = json!({"__typename": "UserUnavailable", "rest_id": "7"});
        assert_eq!(
            viewer(&json!({"data": {"viewer_v2": {"user_results": {"result": unavailable}}}})),
            None
        );
    }
}
