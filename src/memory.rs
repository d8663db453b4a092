//! What the extension remembers across visits: accounts, count history, interactions; bounded.
