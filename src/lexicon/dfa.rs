//! Word automata computed by the compiler: a list of words in, an Aho–Corasick DFA out, as `static` data.
//!
//! In: a list of words (`&[&str]`, a constant). Out: a [`Dfa`] whose tables the compiler computes (const
//! evaluation) and places in the program's data, so that a search needs nothing built at run time: the
//! first parse in a fresh process or page reads the same tables as the thousandth. One step of a search
//! is two table reads per byte of text (the byte's class, then the next state), whatever the words.
//!
//! The rules:
//! - Bytes that no word holds share class 0; every byte that some word holds has a class of its own
//!   (a trie edge's byte names its edge, so no two such bytes are interchangeable).
//! - States are the trie's (the empty prefix and every distinct prefix of a word), each row complete:
//!   a missing edge goes where the longest proper suffix that is a trie state goes (the textbook
//!   Aho–Corasick construction, breadth first).
//! - States that end a word, themselves or through a suffix, are numbered first, so a search tests one
//!   number per byte to know that nothing ends there. Each such state names its own word (if any) and
//!   the next shorter suffix that ends one: the overlapping matches at a position are that chain.
//! - A word listed twice keeps its first index.
//!
//! References: A. V. Aho and M. J. Corasick, "Efficient string matching: an aid to bibliographic
//! search", CACM 18(6), 1975; the `aho-corasick` crate's DFA, which this mirrors (and which the tests
//! compare it with).

/// No state, no word.
const NONE: u16 = u16::MAX;

/// Which class each byte is in: 0 for bytes no word holds, then one class per byte some word holds.
pub struct Classes {
    /// The class of each byte.
    pub of: [u8; 256],
    /// How many classes there are.
    pub len: usize,
}

/// The byte classes of `words`.
pub const fn classes(words: &[&str]) -> Classes {
    let mut used = [false; 256];
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        let mut k = 0;
        while k < w.len() {
            used[w[k] as usize] = true;
            k += 1;
        }
        i += 1;
    }
    let mut of = [0u8; 256];
    let mut len = 1;
    let mut b = 0;
    while b < 256 {
        if used[b] {
            assert!(len < 256, "should have fewer than 255 distinct bytes in a word list");
            of[b] = len as u8;
            len += 1;
        }
        b += 1;
    }
    Classes { of, len }
}

/// How many states the automaton of `words` has: the empty prefix and every distinct prefix of a word.
pub const fn states(words: &[&str]) -> usize {
    let mut n = 1;
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        // the prefixes of `w` that an earlier word has are states already
        let mut shared = 0;
        let mut j = 0;
        while j < i {
            let v = words[j].as_bytes();
            let mut k = 0;
            while k < w.len() && k < v.len() && w[k] == v[k] {
                k += 1;
            }
            if k > shared {
                shared = k;
            }
            j += 1;
        }
        n += w.len() - shared;
        i += 1;
    }
    assert!(n < NONE as usize, "should have fewer than 65535 states");
    n
}

/// An Aho–Corasick DFA over `S` states and `C` byte classes (see the module's rules), for the sizes
/// that [`states`] and [`classes`] give for its words.
pub struct Dfa<const S: usize, const C: usize> {
    /// The class of each byte.
    class: [u8; 256],
    /// The next state, by state and byte class, as the offset of its row (the state times `C`), so
    /// that a step of the search is one addition and one read.
    next: [[u32; C]; S],
    /// The offset of the first row of a state that ends no word: those before it end one
    /// (themselves or through a suffix).
    matching: usize,
    /// The offset of the row of the state a search starts in (the empty prefix).
    start: usize,
    /// The word a state ends, as its index in the list, or [`NONE`].
    word: [u16; S],
    /// The length of a state's prefix in bytes.
    depth: [u8; S],
    /// The next shorter suffix of a state that ends a word, or [`NONE`].
    suffix: [u16; S],
}

impl<const S: usize, const C: usize> Dfa<S, C> {
    /// The automaton of `words` (none empty, each under 256 bytes), computed at compile time when
    /// assigned to a `static`. Panics (a compile error there) if `S` and `C` are not the sizes that
    /// [`states`] and [`classes`] give for `words`.
    pub const fn new(words: &[&str]) -> Self {
        let classes = classes(words);
        assert!(classes.len == C, "should be given the number of byte classes of the words");
        let class = classes.of;
        // the trie: state 0 is the empty prefix
        let mut next = [[NONE; C]; S];
        let mut word = [NONE; S];
        let mut depth = [0u8; S];
        let mut count = 1;
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            assert!(!w.is_empty() && w.len() < 256, "should be given words of 1 to 255 bytes");
            let mut s = 0;
            let mut k = 0;
            while k < w.len() {
                let c = class[w[k] as usize] as usize;
                if next[s][c] == NONE {
                    assert!(count < S, "should be given the number of states of the words");
                    next[s][c] = count as u16;
                    depth[count] = (k + 1) as u8;
                    count += 1;
                }
                s = next[s][c] as usize;
                k += 1;
            }
            if word[s] == NONE {
                word[s] = i as u16;
            }
            i += 1;
        }
        assert!(count == S, "should be given the number of states of the words");

        // breadth first: each state's longest proper suffix that is a state (`fail`), its missing edges
        // taken from that suffix's complete row, and the next suffix that ends a word
        let mut fail = [0u16; S];
        let mut suffix = [NONE; S];
        let mut queue = [0u16; S];
        let (mut head, mut tail) = (0, 0);
        let mut c = 0;
        while c < C {
            if next[0][c] == NONE {
                next[0][c] = 0;
            } else {
                queue[tail] = next[0][c];
                tail += 1;
            }
            c += 1;
        }
        while head < tail {
            let s = queue[head] as usize;
            head += 1;
            let f = fail[s] as usize;
            suffix[s] = if word[f] != NONE { f as u16 } else { suffix[f] };
            let mut c = 0;
            while c < C {
                let t = next[s][c];
                if t == NONE {
                    // `f` is shorter than `s`, so its row is complete
                    next[s][c] = next[f][c];
                } else {
                    fail[t as usize] = next[f][c];
                    queue[tail] = t;
                    tail += 1;
                }
                c += 1;
            }
        }

        // renumber: the states that end a word first
        let mut id = [0u16; S];
        let mut matching = 0;
        let mut s = 0;
        while s < S {
            if word[s] != NONE || suffix[s] != NONE {
                id[s] = matching as u16;
                matching += 1;
            }
            s += 1;
        }
        let mut rest = matching;
        s = 0;
        while s < S {
            if word[s] == NONE && suffix[s] == NONE {
                id[s] = rest as u16;
                rest += 1;
            }
            s += 1;
        }
        let mut dfa = Dfa {
            class,
            next: [[0; C]; S],
            matching: matching * C,
            start: id[0] as usize * C,
            word: [NONE; S],
            depth: [0; S],
            suffix: [NONE; S],
        };
        s = 0;
        while s < S {
            let n = id[s] as usize;
            let mut c = 0;
            while c < C {
                dfa.next[n][c] = (id[next[s][c] as usize] as usize * C) as u32;
                c += 1;
            }
            dfa.word[n] = word[s];
            dfa.depth[n] = depth[s];
            if suffix[s] != NONE {
                dfa.suffix[n] = id[suffix[s] as usize];
            }
            s += 1;
        }
        dfa
    }

    /// Calls `found(start, end, word)` for every occurrence of every word in `text` (byte offsets;
    /// `word` is the index in the list), overlapping ones included: in order of their ends, and at one
    /// end from the longest word to the shortest.
    #[inline]
    pub fn for_each_match(&self, text: &[u8], mut found: impl FnMut(usize, usize, usize)) {
        let next = self.next.as_flattened();
        let mut state = self.start;
        for (at, &byte) in text.iter().enumerate() {
            state = next[state + self.class[byte as usize] as usize] as usize;
            if state >= self.matching {
                continue;
            }
            let end = at + 1;
            let mut s = state / C;
            loop {
                if self.word[s] != NONE {
                    found(end - self.depth[s] as usize, end, self.word[s] as usize);
                }
                match self.suffix[s] {
                    NONE => break,
                    next => s = next as usize,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;
    use proptest::prelude::*;

    const WORDS: [&str; 9] = ["he", "she", "his", "hers", "来源", "来源于", "源于", "he", "s"];
    static SMALL: Dfa<{ states(&WORDS) }, { classes(&WORDS).len }> = Dfa::new(&WORDS);

    fn matches(text: &str) -> Vec<(usize, usize, usize)> {
        let mut all = Vec::new();
        SMALL.for_each_match(text.as_bytes(), |start, end, w| all.push((start, end, w)));
        all.sort();
        all
    }

    /// The overlapping matches the `aho-corasick` crate finds, duplicates reported once by their first index.
    fn reference(text: &str) -> Vec<(usize, usize, usize)> {
        let mut all: Vec<_> = AhoCorasick::new(WORDS)
            .unwrap()
            .find_overlapping_iter(text)
            .map(|m| (m.start(), m.end(), WORDS.iter().position(|w| *w == WORDS[m.pattern().as_usize()]).unwrap()))
            .collect();
        all.sort();
        all.dedup();
        all
    }

    #[test]
    fn sizes_count_prefixes_and_bytes() {
        // "", h, he, s, sh, she, hi, his, her, hers; 来 (3 bytes), 源 and 于 after it (3 each), 源 (2: its
        // lead byte is 来's) and 于 after it (3)
        assert_eq!(states(&WORDS), 24, "should count each distinct prefix once");
        assert_eq!(classes(&["ab", "ba", "a"]).len, 3, "should give one class to each byte used, and one to the rest");
    }

    #[test]
    fn finds_overlapping_words_as_aho_corasick_does() {
        for text in ["", "ushers", "his hers she", "文章来源于本报", "hhhe", "s", "来源于源于来"] {
            assert_eq!(matches(text), reference(text), "should find in {text:?} what aho-corasick finds");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn any_text_matches_as_aho_corasick(picks in proptest::collection::vec(0..16usize, 0..20)) {
            let pieces = ["h", "e", "s", "r", "i", "来", "源", "于", "x", " ", "he", "she", "来源于", "hers", "源", "é"];
            let text: String = picks.iter().map(|&i| pieces[i]).collect();
            prop_assert_eq!(matches(&text), reference(&text), "should find what aho-corasick finds");
        }
    }
}
