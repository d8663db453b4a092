//! Unicode lower-casing without std's case tables: [`lower_char`] equals
//! `char::to_lowercase` for every char, from a table of 184 runs instead of
//! std's `LOWERCASE_TABLE` (about 1,400 pairs, 11.7 KB in the wasm), and [`lower`]
//! lower-cases a string char by char.
//!
//! [`lower`] differs from `str::to_lowercase` in one rule only: it does not
//! apply Final_Sigma (a `Σ` ending a word becomes `σ`, not `ς`), which would
//! need two more Unicode property tables (Cased, Case_Ignorable: about 1,200
//! runs). Every text the core lower-cases is compared with other text
//! lower-cased the same way (handles, hosts, client names, keywords, the
//! page's words) or with ASCII words, and the keyword matcher's own
//! normalisation has always been char by char, so char by char everywhere is
//! the consistent choice.
//!
//! The table is derived from std, so it follows Rust's Unicode version. When
//! a new Rust changes it, the test `the_table_is_derived_from_std` fails and
//! prints the new table; `cargo test --lib case::tests::print_table --
//! --ignored --nocapture` prints it too. Paste it over `RUNS`.

/// One run of chars lower-cased by the same delta: `len` chars from
/// `start`, every `stride`-th (1 or 2) code point; the chars between the
/// steps of a stride-2 run are left as they are. Packed as
/// `(start << 8 | len << 1 | (stride - 1), delta)` so a binary search on the
/// first field orders by `start`.
const fn r(start: u32, len: u32, delta: i32, stride: u32) -> (u32, i32) {
    (start << 8 | len << 1 | (stride - 1), delta)
}

/// Every non-ASCII char whose lower case is one other char, as runs sorted
/// by start (generated from std: see the module's doc).
static RUNS: [(u32, i32); 184] = [
    r(0x000c0, 23, 32, 1),
    r(0x000d8, 7, 32, 1),
    r(0x00100, 24, 1, 2),
    r(0x00132, 3, 1, 2),
    r(0x00139, 8, 1, 2),
    r(0x0014a, 23, 1, 2),
    r(0x00178, 1, -121, 1),
    r(0x00179, 3, 1, 2),
    r(0x00181, 1, 210, 1),
    r(0x00182, 2, 1, 2),
    r(0x00186, 1, 206, 1),
    r(0x00187, 1, 1, 1),
    r(0x00189, 2, 205, 1),
    r(0x0018b, 1, 1, 1),
    r(0x0018e, 1, 79, 1),
    r(0x0018f, 1, 202, 1),
    r(0x00190, 1, 203, 1),
    r(0x00191, 1, 1, 1),
    r(0x00193, 1, 205, 1),
    r(0x00194, 1, 207, 1),
    r(0x00196, 1, 211, 1),
    r(0x00197, 1, 209, 1),
    r(0x00198, 1, 1, 1),
    r(0x0019c, 1, 211, 1),
    r(0x0019d, 1, 213, 1),
    r(0x0019f, 1, 214, 1),
    r(0x001a0, 3, 1, 2),
    r(0x001a6, 1, 218, 1),
    r(0x001a7, 1, 1, 1),
    r(0x001a9, 1, 218, 1),
    r(0x001ac, 1, 1, 1),
    r(0x001ae, 1, 218, 1),
    r(0x001af, 1, 1, 1),
    r(0x001b1, 2, 217, 1),
    r(0x001b3, 2, 1, 2),
    r(0x001b7, 1, 219, 1),
    r(0x001b8, 1, 1, 1),
    r(0x001bc, 1, 1, 1),
    r(0x001c4, 1, 2, 1),
    r(0x001c5, 1, 1, 1),
    r(0x001c7, 1, 2, 1),
    r(0x001c8, 1, 1, 1),
    r(0x001ca, 1, 2, 1),
    r(0x001cb, 9, 1, 2),
    r(0x001de, 9, 1, 2),
    r(0x001f1, 1, 2, 1),
    r(0x001f2, 2, 1, 2),
    r(0x001f6, 1, -97, 1),
    r(0x001f7, 1, -56, 1),
    r(0x001f8, 20, 1, 2),
    r(0x00220, 1, -130, 1),
    r(0x00222, 9, 1, 2),
    r(0x0023a, 1, 10795, 1),
    r(0x0023b, 1, 1, 1),
    r(0x0023d, 1, -163, 1),
    r(0x0023e, 1, 10792, 1),
    r(0x00241, 1, 1, 1),
    r(0x00243, 1, -195, 1),
    r(0x00244, 1, 69, 1),
    r(0x00245, 1, 71, 1),
    r(0x00246, 5, 1, 2),
    r(0x00370, 2, 1, 2),
    r(0x00376, 1, 1, 1),
    r(0x0037f, 1, 116, 1),
    r(0x00386, 1, 38, 1),
    r(0x00388, 3, 37, 1),
    r(0x0038c, 1, 64, 1),
    r(0x0038e, 2, 63, 1),
    r(0x00391, 17, 32, 1),
    r(0x003a3, 9, 32, 1),
    r(0x003cf, 1, 8, 1),
    r(0x003d8, 12, 1, 2),
    r(0x003f4, 1, -60, 1),
    r(0x003f7, 1, 1, 1),
    r(0x003f9, 1, -7, 1),
    r(0x003fa, 1, 1, 1),
    r(0x003fd, 3, -130, 1),
    r(0x00400, 16, 80, 1),
    r(0x00410, 32, 32, 1),
    r(0x00460, 17, 1, 2),
    r(0x0048a, 27, 1, 2),
    r(0x004c0, 1, 15, 1),
    r(0x004c1, 7, 1, 2),
    r(0x004d0, 48, 1, 2),
    r(0x00531, 38, 48, 1),
    r(0x010a0, 38, 7264, 1),
    r(0x010c7, 1, 7264, 1),
    r(0x010cd, 1, 7264, 1),
    r(0x013a0, 80, 38864, 1),
    r(0x013f0, 6, 8, 1),
    r(0x01c89, 1, 1, 1),
    r(0x01c90, 43, -3008, 1),
    r(0x01cbd, 3, -3008, 1),
    r(0x01e00, 75, 1, 2),
    r(0x01e9e, 1, -7615, 1),
    r(0x01ea0, 48, 1, 2),
    r(0x01f08, 8, -8, 1),
    r(0x01f18, 6, -8, 1),
    r(0x01f28, 8, -8, 1),
    r(0x01f38, 8, -8, 1),
    r(0x01f48, 6, -8, 1),
    r(0x01f59, 4, -8, 2),
    r(0x01f68, 8, -8, 1),
    r(0x01f88, 8, -8, 1),
    r(0x01f98, 8, -8, 1),
    r(0x01fa8, 8, -8, 1),
    r(0x01fb8, 2, -8, 1),
    r(0x01fba, 2, -74, 1),
    r(0x01fbc, 1, -9, 1),
    r(0x01fc8, 4, -86, 1),
    r(0x01fcc, 1, -9, 1),
    r(0x01fd8, 2, -8, 1),
    r(0x01fda, 2, -100, 1),
    r(0x01fe8, 2, -8, 1),
    r(0x01fea, 2, -112, 1),
    r(0x01fec, 1, -7, 1),
    r(0x01ff8, 2, -128, 1),
    r(0x01ffa, 2, -126, 1),
    r(0x01ffc, 1, -9, 1),
    r(0x02126, 1, -7517, 1),
    r(0x0212a, 1, -8383, 1),
    r(0x0212b, 1, -8262, 1),
    r(0x02132, 1, 28, 1),
    r(0x02160, 16, 16, 1),
    r(0x02183, 1, 1, 1),
    r(0x024b6, 26, 26, 1),
    r(0x02c00, 48, 48, 1),
    r(0x02c60, 1, 1, 1),
    r(0x02c62, 1, -10743, 1),
    r(0x02c63, 1, -3814, 1),
    r(0x02c64, 1, -10727, 1),
    r(0x02c67, 3, 1, 2),
    r(0x02c6d, 1, -10780, 1),
    r(0x02c6e, 1, -10749, 1),
    r(0x02c6f, 1, -10783, 1),
    r(0x02c70, 1, -10782, 1),
    r(0x02c72, 1, 1, 1),
    r(0x02c75, 1, 1, 1),
    r(0x02c7e, 2, -10815, 1),
    r(0x02c80, 50, 1, 2),
    r(0x02ceb, 2, 1, 2),
    r(0x02cf2, 1, 1, 1),
    r(0x0a640, 23, 1, 2),
    r(0x0a680, 14, 1, 2),
    r(0x0a722, 7, 1, 2),
    r(0x0a732, 31, 1, 2),
    r(0x0a779, 2, 1, 2),
    r(0x0a77d, 1, -35332, 1),
    r(0x0a77e, 5, 1, 2),
    r(0x0a78b, 1, 1, 1),
    r(0x0a78d, 1, -42280, 1),
    r(0x0a790, 2, 1, 2),
    r(0x0a796, 10, 1, 2),
    r(0x0a7aa, 1, -42308, 1),
    r(0x0a7ab, 1, -42319, 1),
    r(0x0a7ac, 1, -42315, 1),
    r(0x0a7ad, 1, -42305, 1),
    r(0x0a7ae, 1, -42308, 1),
    r(0x0a7b0, 1, -42258, 1),
    r(0x0a7b1, 1, -42282, 1),
    r(0x0a7b2, 1, -42261, 1),
    r(0x0a7b3, 1, 928, 1),
    r(0x0a7b4, 8, 1, 2),
    r(0x0a7c4, 1, -48, 1),
    r(0x0a7c5, 1, -42307, 1),
    r(0x0a7c6, 1, -35384, 1),
    r(0x0a7c7, 2, 1, 2),
    r(0x0a7cb, 1, -42343, 1),
    r(0x0a7cc, 8, 1, 2),
    r(0x0a7dc, 1, -42561, 1),
    r(0x0a7f5, 1, 1, 1),
    r(0x0ff21, 26, 32, 1),
    r(0x10400, 40, 40, 1),
    r(0x104b0, 36, 40, 1),
    r(0x10570, 11, 39, 1),
    r(0x1057c, 15, 39, 1),
    r(0x1058c, 7, 39, 1),
    r(0x10594, 2, 39, 1),
    r(0x10c80, 51, 64, 1),
    r(0x10d50, 22, 32, 1),
    r(0x118a0, 32, 32, 1),
    r(0x16e40, 32, 32, 1),
    r(0x16ea0, 25, 27, 1),
    r(0x1e900, 34, 34, 1),
];

/// `c` lower-cased as `char::to_lowercase` does: one char, or two for
/// U+0130 (`İ` → `i̇`).
#[inline]
pub fn lower_char(c: char) -> Lower {
    let (first, second) = lower_pair(c);
    Lower {
        first: Some(first),
        second,
    }
}

/// The lower case of `c` as its first char and, for U+0130 only, a second.
fn lower_pair(c: char) -> (char, Option<char>) {
    let cp = c as u32;
    if cp < 0x80 {
        return (c.to_ascii_lowercase(), None);
    }
    if cp == 0x130 {
        return ('i', Some('\u{307}'));
    }
    (lower_non_ascii(c), None)
}

/// The one-char lower case of a non-ASCII `c` other than U+0130.
fn lower_non_ascii(c: char) -> char {
    let cp = c as u32;
    if cp < 0xc0 {
        return c;
    }
    // The last run starting at or before `cp`.
    let key = cp << 8 | 0xff;
    let (mut lo, mut hi) = (0, RUNS.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match RUNS.get(mid) {
            Some(&(packed, _)) if packed <= key => lo = mid + 1,
            _ => hi = mid,
        }
    }
    let Some(&(packed, delta)) = lo.checked_sub(1).and_then(|i| RUNS.get(i)) else {
        return c;
    };
    let start = packed >> 8;
    let len = (packed >> 1) & 0x7f;
    let stride = (packed & 1) + 1;
    let offset = cp - start;
    if offset >= len * stride || offset % stride != 0 {
        return c;
    }
    cp.checked_add_signed(delta)
        .and_then(char::from_u32)
        .unwrap_or(c)
}

/// Appends the lower case of `c` to `out`.
#[inline]
pub fn push_lower(out: &mut String, c: char) {
    let (first, second) = lower_pair(c);
    out.push(first);
    if let Some(s) = second {
        out.push(s);
    }
}

/// Appends `s` lower-cased char by char to `out` (see the module's doc for
/// the one difference from `str::to_lowercase`).
pub fn push_lower_str(out: &mut String, s: &str) {
    let ascii = s.bytes().position(|b| b >= 0x80).unwrap_or(s.len());
    let (head, tail) = s.split_at(ascii);
    let from = out.len();
    out.push_str(head);
    if let Some(pushed) = out.get_mut(from..) {
        pushed.make_ascii_lowercase();
    }
    for c in tail.chars() {
        push_lower(out, c);
    }
}

/// `s` lower-cased char by char: `str::to_lowercase` without Final_Sigma
/// (see the module's doc).
pub fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_lower_str(&mut out, s);
    out
}

/// The chars of one char's lower case (an iterator, as `char::to_lowercase`
/// returns).
#[derive(Clone, Debug)]
pub struct Lower {
    first: Option<char>,
    second: Option<char>,
}

impl Iterator for Lower {
    type Item = char;

    #[inline]
    fn next(&mut self) -> Option<char> {
        match self.first.take() {
            Some(c) => Some(c),
            None => self.second.take(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = usize::from(self.first.is_some()) + usize::from(self.second.is_some());
        (n, Some(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The runs as std's `char::to_lowercase` gives them: `(start, len,
    /// delta, stride)` for every non-ASCII char but U+0130, found greedily
    /// in code point order.
    fn derived_runs() -> Vec<(u32, u32, i32, u32)> {
        let mut runs: Vec<(u32, u32, i32, u32)> = Vec::new();
        for c in (0x80..=0x10ffff).filter_map(char::from_u32) {
            let mut low = c.to_lowercase();
            let (Some(l), None) = (low.next(), low.next()) else {
                continue;
            };
            if l == c {
                continue;
            }
            let (cp, delta) = (c as u32, l as i32 - c as i32);
            if let Some(run) = runs.last_mut() {
                let (start, len, d, stride) = *run;
                if d == delta && len < 0x7f {
                    if len == 1 && (cp - start == 1 || cp - start == 2) {
                        *run = (start, 2, d, cp - start);
                        continue;
                    }
                    if len > 1 && start + len * stride == cp {
                        *run = (start, len + 1, d, stride);
                        continue;
                    }
                }
            }
            runs.push((cp, 1, delta, 1));
        }
        runs
    }

    fn table_source(runs: &[(u32, u32, i32, u32)]) -> String {
        let mut out = String::new();
        for (start, len, delta, stride) in runs {
            out.push_str(&format!("    r({start:#07x}, {len}, {delta}, {stride}),\n"));
        }
        out
    }

    #[test]
    fn the_table_is_derived_from_std() {
        let derived = derived_runs();
        let packed: Vec<(u32, i32)> = derived
            .iter()
            .map(|&(start, len, delta, stride)| r(start, len, delta, stride))
            .collect();
        assert!(
            packed == RUNS,
            "Rust's Unicode tables changed: replace RUNS with these {} runs\n{}",
            derived.len(),
            table_source(&derived)
        );
    }

    #[test]
    #[ignore = "prints the table for src/case.rs"]
    fn print_table() {
        let derived = derived_runs();
        println!("{} runs\n{}", derived.len(), table_source(&derived));
    }

    #[test]
    fn every_char_lowers_as_std_does() {
        let mut pushed = String::new();
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let ours = lower_char(c);
            let (n, _) = ours.size_hint();
            let ours: Vec<char> = ours.collect();
            let std: Vec<char> = c.to_lowercase().collect();
            assert_eq!(ours, std, "U+{:04X}", c as u32);
            assert_eq!(n, std.len(), "size hint of U+{:04X}", c as u32);
            pushed.clear();
            push_lower(&mut pushed, c);
            assert!(pushed.chars().eq(std.iter().copied()), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn strings_lower_char_by_char() {
        assert_eq!(lower("İstanbul ΣΟΦΟΣ Ab"), "i\u{307}stanbul σοφοσ ab");
        // The one deliberate difference from std: no Final_Sigma.
        assert_eq!("ΣΟΦΟΣ".to_lowercase(), "σοφος");
        assert_eq!(lower("ΣΟΦΟΣ"), "σοφοσ");
        assert_eq!(lower(""), "");
        let mut out = String::from("KEEP:");
        push_lower_str(&mut out, "MiXeD Ünïcode ẞ");
        assert_eq!(out, "KEEP:mixed ünïcode ß");
    }

    /// Chars near the table's edges and the special cases, mixed with
    /// arbitrary ones.
    fn edge_char() -> impl Strategy<Value = char> {
        prop_oneof![
            prop::sample::select(vec![
                'A',
                'Z',
                '@',
                '[',
                '`',
                'a',
                'z',
                '\u{7f}',
                '\u{80}',
                '\u{bf}',
                'À',
                'Þ',
                'ß',
                'İ',
                'ı',
                'Σ',
                'ς',
                'σ',
                'ẞ',
                'Ω',
                'K',
                'Å',
                'Ⓐ',
                '\u{10400}',
                '\u{1e921}',
                '\u{10ffff}',
            ]),
            any::<char>(),
            (0x80u32..0x2000).prop_filter_map("a char", char::from_u32),
        ]
    }

    proptest! {
        #[test]
        fn lower_is_std_char_by_char(chars in prop::collection::vec(edge_char(), 0..40)) {
            let s: String = chars.into_iter().collect();
            let reference: String = s.chars().flat_map(char::to_lowercase).collect();
            prop_assert_eq!(lower(&s), reference);
            // Without a Σ, std's string rule (Final_Sigma) never applies.
            if !s.contains('Σ') {
                prop_assert_eq!(lower(&s), s.to_lowercase());
            }
        }
    }
}
