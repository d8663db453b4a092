//! The macro that turns the settings table into the typed `Settings` struct,
//! its defaults, the schema and id-based access, so that a field cannot exist
//! without its schema entry (and the other way round).

/// A setting's help or source text: kept in native builds (the CLI, the tests
/// and `followback settings --locale-en`), left out of the wasm, whose pages
/// read help from `_locales` and sources from `options/setting-sources.js`.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! native_text {
    ($text:literal) => {
        $text
    };
}

/// In the wasm the text is empty (see the native definition).
#[cfg(target_arch = "wasm32")]
macro_rules! native_text {
    ($text:literal) => {
        ""
    };
}

/// Defines `Settings`, `Default`, `schema()` and `Settings::{value_of, set_from}`
/// from one table of entries.
macro_rules! settings_table {
    ($(
        $field:ident : $ty:ty {
            id: $id:literal,
            group: $group:expr,
            label: $label:literal,
            help: $help:literal,
            bounds: [$($bound:expr),* $(,)?],
            unit: $unit:literal,
            default: $default:expr,
            source: $source:literal $(,)?
        }
    ),* $(,)?) => {
        /// Every threshold, weight (points), keyword list and level boundary,
        /// typed. Field `x_y` is the setting with id `"x.y"`; see [`schema`].
        #[derive(Clone, Debug, PartialEq)]
        pub struct Settings {
            $(
                #[doc = $label]
                pub $field: $ty,
            )*
        }

        impl Default for Settings {
            fn default() -> Self {
                Settings {
                    $( $field: { let d: $ty = $default; d }, )*
                }
            }
        }

        /// One entry per setting, in display order (groups in order of first appearance).
        pub fn schema() -> Vec<SettingSpec> {
            vec![
                $(
                    SettingSpec::new(
                        $id,
                        $group,
                        $label,
                        native_text!($help),
                        <$ty as SettingValue>::KIND,
                        &[$(($bound) as f64),*],
                        $unit,
                        { let d: $ty = $default; d.to_value() },
                        native_text!($source),
                    ),
                )*
            ]
        }

        impl Settings {
            /// The JSON value of the setting `id`, or `None` for an unknown id.
            pub fn value_of(&self, id: &str) -> Option<serde_json::Value> {
                match id {
                    $( $id => Some(self.$field.to_value()), )*
                    _ => None,
                }
            }

            /// Reads `value` into the setting `id` after checking it against `spec`.
            /// `None` for an unknown id; `Some(Err(message))` when the value is refused
            /// (the setting keeps its current value).
            pub(crate) fn set_from(
                &mut self,
                id: &str,
                value: &serde_json::Value,
                spec: &SettingSpec,
            ) -> Option<Result<(), String>> {
                match id {
                    $(
                        $id => Some(<$ty as SettingValue>::parse(value, spec).map(|v| {
                            self.$field = v;
                        })),
                    )*
                    _ => None,
                }
            }
        }
    };
}
