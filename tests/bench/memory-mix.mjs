// The memory both memory benches remember (tests/bench/memory-store.mjs in
// node, tests/bench/idb-restore.mjs in Chromium): accounts as a Followers page
// sends them, and for some of them posts read from the page, interactions and
// a second sighting with other counts (a count history). Each function is
// self-contained (no module scope), so idb-restore.mjs can hand its source to
// an extension page, which cannot import files outside the extension.

/** A followers-list account as X's GraphQL sends it. */
export function mixUser(i) {
  return {
    __typename: 'User',
    rest_id: String(1_500_000_000_000_000_000n + BigInt(i)),
    legacy: {
      id_str: String(1_500_000_000_000_000_000n + BigInt(i)),
      screen_name: `jane_${String(i).padStart(6, '0')}`,
      name: `Jane Doe ${i}`,
      description: `${String(i).padStart(6, '0')} Writer & climber. Coffee, maps and bad puns. Opinions are my own.`,
      location: 'Lisbon, Portugal',
      followers_count: 812 + (i % 5000),
      friends_count: 403,
      statuses_count: 3120,
      favourites_count: 5210,
      listed_count: 4,
      media_count: 120,
      created_at: 'Mon May 05 05:05:00 +0000 2014',
      default_profile_image: false,
      default_profile: false,
      verified: false,
      protected: false,
    },
    is_blue_verified: false,
  };
}

/**
 * Remembers in `writer` (an Engine that already holds accounts start..end of
 * `user`) the rest of the mix for them: one in ten with 1-20 posts, one in 33
 * with two interactions, one in ten (others) seen again a day later with
 * other counts. Throws when the engine did not take them all.
 */
export function rememberMixExtras(writer, user, { start, end, now, n }) {
  const handleOf = (i) => `jane_${String(i).padStart(6, '0')}`;
  const tweets = [];
  const interactions = [];
  const again = [];
  for (let i = start; i < end; i += 1) {
    if (i % 10 === 0) {
      for (let p = 0; p < 1 + ((i / 10) % 20); p += 1) {
        tweets.push({
          statusHref: `/${handleOf(i)}/status/${1_800_000_000_000_000_000n + BigInt(i * 20 + p)}`,
          authorHref: `/${handleOf(i)}`,
          datetime: new Date(now - (p + 1) * 3_600_000).toISOString(),
          text: `Post ${p} by ${handleOf(i)}: shipping a new release today, faster and with better errors.`,
          links: p % 5 === 0 ? [{ href: 'https://t.co/x1', text: 'example.com/release-notes', title: 'https://example.com/release-notes' }] : [],
          quote: false,
        });
      }
    }
    if (i % 33 === 0) {
      interactions.push({ handle: handleOf(i), kind: 'liked', at: now / 1000 - 86_400 });
      interactions.push({ handle: handleOf(i), kind: 'followed', at: now / 1000 - 3_600 });
    }
    if (i % 10 === 5) {
      const u = user(i);
      u.legacy.followers_count += 17;
      u.legacy.statuses_count += 3;
      again.push(u);
    }
  }
  if (tweets.length > 0) {
    const r = writer.rememberTweets(tweets, now + n);
    if (r.recorded !== tweets.length) throw new Error(`posts: ${JSON.stringify(r).slice(0, 300)}`);
  }
  if (interactions.length > 0) {
    const r = writer.rememberInteractions(interactions, now + n);
    if (r.recorded !== interactions.length) throw new Error(`interactions: ${JSON.stringify(r).slice(0, 300)}`);
  }
  if (again.length > 0) writer.ingest(JSON.stringify(again), now + 86_400_000 + start);
}

/**
 * Sees accounts of the mix again with other counts (`user(i)`, spread over
 * the memory of `n` by a stride, so in the mix's proportions of posts and
 * interactions), up to `per` accounts a save, each save the writer's
 * takeMemoryChanges handed to `save` (awaited), until the core's loose
 * values (Engine.memoryLooseRecords: loose records and tombstones) reach its
 * limit (memoryLooseLimit): the store as it is just before the save that
 * compacts it, the worst a restore can find. A paged account's first change
 * writes up to three records (account, posts, interactions), so a save takes
 * at most a third of the room left, and the last few are accounts with one
 * record. Throws when a save compacts before that. Resolves with the saves made.
 */
export async function changeUntilLooseLimit(writer, user, save, { n, now, per }) {
  const stride = 7919; // a prime: distinct accounts for the first n steps
  const plain = (i) => i % 10 !== 0 && i % 33 !== 0; // no posts, no interactions: one record
  let k = 0;
  let saves = 0;
  for (;;) {
    const loose = writer.memoryLooseRecords();
    const room = writer.memoryLooseLimit() - loose;
    if (room <= 0) return saves;
    const users = [];
    if (room >= 3) {
      for (let j = 0; j < Math.min(per, Math.floor(room / 3)); j += 1, k += 1) users.push(user((k * stride) % n));
    } else {
      while (!plain((k * stride) % n)) k += 1;
      users.push(user((k * stride) % n));
      k += 1;
    }
    if (k > n) throw new Error(`every account changed and still under the loose limit (${writer.memoryLooseLimit()})`);
    for (const u of users) u.legacy.followers_count += 1000;
    writer.ingest(JSON.stringify(users), now + 2 * 86_400_000 + k);
    const changes = writer.takeMemoryChanges();
    if (Array.isArray(changes.pages)) {
      throw new Error(`compacted at ${loose} loose values (+${users.length} accounts), before the limit ${writer.memoryLooseLimit()}`);
    }
    await save(changes);
    saves += 1;
  }
}
