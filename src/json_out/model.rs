//! JSON text of the types other modules own that the wasm hands out (the
//! facts of `model`, settings errors, memory reports), written as their
//! `derive(Serialize)` writes them: the same field names, order and skipped
//! fields (`tests/json_out_props.rs`).

use super::{string, Obj, WriteJson};
use crate::memory::LoadReport;
use crate::model::{
    Account, Interaction, InteractionKind, Snapshot, Source, Tweet, TweetKind, Viewer,
};
use crate::settings::{FieldError, Settings};

/// `Source` as serde names it (snake_case).
pub fn source_name(s: Source) -> &'static str {
    match s {
        Source::Graphql => "graphql",
        Source::Page => "page",
        Source::File => "file",
        Source::Memory => "memory",
    }
}

/// `TweetKind` as serde names it (snake_case).
pub fn tweet_kind_name(k: TweetKind) -> &'static str {
    match k {
        TweetKind::Original => "original",
        TweetKind::Reply => "reply",
        TweetKind::Repost => "repost",
        TweetKind::Quote => "quote",
    }
}

/// `InteractionKind` as serde names it (snake_case).
pub fn interaction_kind_name(k: InteractionKind) -> &'static str {
    match k {
        InteractionKind::Followed => "followed",
        InteractionKind::Liked => "liked",
        InteractionKind::Reposted => "reposted",
        InteractionKind::Replied => "replied",
        InteractionKind::Mentioned => "mentioned",
        InteractionKind::Messaged => "messaged",
    }
}

impl WriteJson for Source {
    fn write_json(&self, out: &mut String) {
        string(out, source_name(*self));
    }
}

impl WriteJson for TweetKind {
    fn write_json(&self, out: &mut String) {
        string(out, tweet_kind_name(*self));
    }
}

impl WriteJson for InteractionKind {
    fn write_json(&self, out: &mut String) {
        string(out, interaction_kind_name(*self));
    }
}

impl WriteJson for Account {
    fn write_json(&self, out: &mut String) {
        let mut o = Obj::new(out);
        o.some("id", &self.id)
            .field("handle", &self.handle)
            .some("name", &self.name)
            .some("bio", &self.bio)
            .some("location", &self.location)
            .some("url", &self.url)
            .some("created_at", &self.created_at)
            .some("followers", &self.followers)
            .some("following", &self.following)
            .some("tweets", &self.tweets)
            .some("likes", &self.likes)
            .some("listed", &self.listed)
            .some("media", &self.media)
            .some("default_avatar", &self.default_avatar)
            .some("default_profile", &self.default_profile)
            .some("verified", &self.verified)
            .some("blue_verified", &self.blue_verified)
            .some("verified_type", &self.verified_type)
            .some("identity_verified", &self.identity_verified)
            .some("automated", &self.automated)
            .some("automated_by", &self.automated_by)
            .some("parody_label", &self.parody_label)
            .some("username_changes", &self.username_changes)
            .some("based_in", &self.based_in)
            .some("protected", &self.protected)
            .some("follows_you", &self.follows_you)
            .some("you_follow", &self.you_follow)
            .some("observed_at", &self.observed_at);
        if self.source != Source::default() {
            o.field("source", &self.source);
        }
        o.end();
    }
}

impl WriteJson for Tweet {
    fn write_json(&self, out: &mut String) {
        let mut o = Obj::new(out);
        o.some("id", &self.id)
            .some("author_id", &self.author_id)
            .some("author_handle", &self.author_handle)
            .field("text", &self.text)
            .some("created_at", &self.created_at);
        if self.kind != TweetKind::default() {
            o.field("kind", &self.kind);
        }
        o.some("reply_to", &self.reply_to);
        if !self.urls.is_empty() {
            o.field("urls", &self.urls);
        }
        o.some("client", &self.client);
        if self.source != Source::default() {
            o.field("source", &self.source);
        }
        o.end();
    }
}

impl WriteJson for Interaction {
    fn write_json(&self, out: &mut String) {
        let mut o = Obj::new(out);
        o.field("handle", &self.handle)
            .field("kind", &self.kind)
            .some("at", &self.at);
        if self.source != Source::default() {
            o.field("source", &self.source);
        }
        o.some("notification", &self.notification).end();
    }
}

impl WriteJson for Snapshot {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("at", &self.at)
            .some("followers", &self.followers)
            .some("following", &self.following)
            .some("tweets", &self.tweets)
            .end();
    }
}

impl WriteJson for Viewer {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("handle", &self.handle)
            .some("id", &self.id)
            .end();
    }
}

impl WriteJson for FieldError {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("id", &self.id)
            .field("message", &self.message)
            .end();
    }
}

impl WriteJson for LoadReport {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("loaded", &self.loaded)
            .field("skipped", &self.skipped)
            .end();
    }
}

/// `{ version, values }`, as `Settings`' `Serialize` writes it.
impl WriteJson for Settings {
    fn write_json(&self, out: &mut String) {
        self.to_value().write_json(out);
    }
}
