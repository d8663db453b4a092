//! The macro that turns the settings table into the typed `Settings` struct,
//! its defaults, the schema and id-based access, so that a field cannot exist
//! without its schema entry (and the other way round).

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

        /// Which field a schema row is: matching on it is a jump table, where
        /// matching on the id text compared strings arm by arm (smaller wasm).
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        enum Field {
            $( $field, )*
        }

        /// The schema's fixed parts, one row per setting in display order
        /// (data, not code: the wasm keeps one table instead of one
        /// constructor call per setting).
        const ROWS: &[(Field, SpecRow)] = &[
            $(
                (
                    Field::$field,
                    SpecRow {
                        id: $id,
                        group: $group,
                        label: $label,
                        // Help and source text stay out of the wasm, whose
                        // pages read help from `_locales` and sources from
                        // `options/setting-sources.js`.
                        #[cfg(not(target_arch = "wasm32"))]
                        help: $help,
                        kind: <$ty as SettingValue>::KIND,
                        bounds: &[$(($bound) as f64),*],
                        unit: $unit,
                        #[cfg(not(target_arch = "wasm32"))]
                        source: $source,
                    },
                ),
            )*
        ];

        /// The row of the setting `id`.
        fn field_of(id: &str) -> Option<Field> {
            ROWS.iter().find(|(_, row)| row.id == id).map(|(field, _)| *field)
        }

        /// One entry per setting, in display order (groups in order of first appearance).
        pub fn schema() -> Vec<SettingSpec> {
            let defaults = Settings::default();
            ROWS.iter()
                .map(|(field, row)| row.spec(defaults.value_at(*field)))
                .collect()
        }

        impl Settings {
            /// The JSON value of the setting `id`, or `None` for an unknown id.
            pub fn value_of(&self, id: &str) -> Option<serde_json::Value> {
                field_of(id).map(|field| self.value_at(field))
            }

            fn value_at(&self, field: Field) -> serde_json::Value {
                self.slot(field).to_value()
            }

            /// The field of a schema row, typed by kind. Not inlined: the
            /// caller matches on four kinds, not on every setting again.
            #[inline(never)]
            fn slot(&self, field: Field) -> Slot<'_> {
                match field {
                    $( Field::$field => self.$field.slot(), )*
                }
            }

            /// The field of a schema row, typed by kind, for writing (not
            /// inlined, as [`Settings::slot`]).
            #[inline(never)]
            fn slot_mut(&mut self, field: Field) -> SlotMut<'_> {
                match field {
                    $( Field::$field => self.$field.slot_mut(), )*
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
                let field = field_of(id)?;
                Some(self.slot_mut(field).set(value, spec))
            }
        }
    };
}
