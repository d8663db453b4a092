//! The settings table: every threshold, weight (points), keyword list and level
//! boundary, with its range, default and where the default comes from.
//!
//! Points are magnitudes: each signal says whether it adds or takes them.
//! Every source is a citation a person can read: a study or an audit tool
//! (author, title, year), a platform rule, the users' own words (the blog posts
//! and comments summarised in docs/design-notes.md, "Seeds"), or, for a value
//! the project chose, "Followback's choice" and why. Labels and help are the
//! English of the options page; extension/_locales has them in every language
//! (`followback settings --locale-en`, checked by tests/settings_locale.rs).

use super::spec::{keywords, SettingSpec, SettingValue, Slot, SlotMut, SpecRow};

const G_SCORE: &str = "Score and levels";
const G_BEGGING: &str = "Follow-back begging";
const G_GURU: &str = "Self-proclaimed experts";
const G_SPAM: &str = "Spam words";
const G_PROFILE: &str = "Bio and photo";
const G_COUNTS: &str = "Follow counts";
const G_ACTIVITY: &str = "Activity";
const G_CURATION: &str = "Lists and likes";
const G_BOT: &str = "Bot-like profile";
const G_TRUST: &str = "Verification, age and relationship";
const G_AUTOMATION: &str = "Automation in recent posts";
const G_VARIETY: &str = "Variety and conversation";
const G_RECENT: &str = "Recent activity";
const G_INTERESTS: &str = "Your interests";
const G_INTERACTIONS: &str = "Interactions with you";
const G_CHURN: &str = "Follow churn";
const G_MEMORY: &str = "Memory";
const G_SELFCHECK: &str = "Self-check";
const G_DISPLAY: &str = "What to show where";

/// Largest count a count threshold may be set to.
const COUNT_MAX: i64 = 100_000_000;

/// Pairs `(lower, upper)` whose values must keep `lower < upper`.
pub const ORDERED_PAIRS: &[(&str, &str)] = &[
    ("level.maybe_min", "level.follow_back_min"),
    ("ratio.mild", "ratio.severe"),
    ("listed.few", "listed.many"),
    ("likes.few", "likes.many"),
    ("likes.per_post_full", "likes.per_post_min"),
    ("age.new_days", "age.old_days"),
    ("activity.few_posts", "activity.many_posts"),
    ("handle.digits_free", "handle.digit_run"),
    ("following_growth.per_day", "following_growth.full_per_day"),
    ("username_changes.from", "username_changes.full"),
    ("client.share_from", "client.share_full"),
    ("recent.quiet_days", "recent.inactive_days"),
];

settings_table! {
    // ---- Score and levels ----
    score_base: i64 {
        id: "score.base", group: G_SCORE,
        label: "Starting score",
        help: "Every account starts here; each signal then adds or takes points.",
        bounds: [0, 100, 1], unit: "points", default: 50,
        source: "Followback's choice: 50, the neutral middle of 0-100, so that the points shown add up to the score",
    },
    level_follow_back_min: i64 {
        id: "level.follow_back_min", group: G_SCORE,
        label: "\u{201c}Follow back\u{201d} from",
        help: "Scores at or above this read \u{201c}follow back\u{201d}.",
        bounds: [0, 100, 1], unit: "points", default: 65,
        source: "Followback's choice: 65, clearly above the neutral 50 (a few healthy signals and no warning)",
    },
    level_maybe_min: i64 {
        id: "level.maybe_min", group: G_SCORE,
        label: "\u{201c}Maybe\u{201d} from",
        help: "Scores at or above this (and below \u{201c}follow back\u{201d}) read \u{201c}maybe\u{201d}; lower scores read \u{201c}skip\u{201d}.",
        bounds: [0, 100, 1], unit: "points", default: 45,
        source: "Followback's choice: 45, just below the neutral 50, so one mild warning still reads \u{201c}maybe\u{201d}",
    },
    level_min_confidence: f64 {
        id: "level.min_confidence", group: G_SCORE,
        label: "Minimum confidence",
        help: "When less than this share of all signal weight had data, the level is \u{201c}not enough data\u{201d} whatever the score.",
        bounds: [0, 1, 0.05], unit: "", default: 0.3,
        source: "Followback's choice: 30%, because few observed signals must not look like a confident red or green",
    },
    level_profile_confidence_share: f64 {
        id: "level.profile_confidence_share", group: G_SCORE,
        label: "Most confidence the profile alone can give",
        help: "Confidence blends the profile signals and the behaviour signals (recent posts, interactions, earlier visits). A fully seen profile with no behaviour seen reaches this much; 60% reads \u{201c}medium\u{201d}.",
        bounds: [0, 1, 0.05], unit: "", default: 0.6,
        source: "Followback's choice: 60%, because the profile is not the whole picture; Sam T (The Coffice), comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.): \u{201c}a quick scan of their main feeds to see if they're human\u{201d}",
    },

    // ---- Follow-back begging (heuristic 1) ----
    begging_keywords: Vec<String> {
        id: "begging.keywords", group: G_BEGGING,
        label: "Follow-back phrases and hashtags",
        help: "Matched without regard to case, as whole words, in the bio (and the name when enabled below).",
        bounds: [], unit: "",
        default: keywords(&[
            "#TeamFollowBack", "#TFB", "#FollowBack", "#IFollowBack", "#InstantFollowBack",
            "#AutoFollow", "#TeamAutoFollow", "#F4F", "#Follow4Follow", "#FollowNGain",
            "#500aDay", "#MustFollow", "#TAF", "#FollowTrain", "#OpenFollow", "#SougoFollow",
            "#VIPFollow", "100% follow back", "follow me and I follow back", "follow back",
            "followback",
        ]),
        source: "Follow-back hashtags from Ghosh et al., 'Understanding and combating link farming in the Twitter social network', 2012 and Dugu\u{e9} & Perez, 'Detecting social capitalists on Twitter using similarity measures', 2013; '5 Reasons People Aren't Following You Back on Twitter' (blog post, n.d.), reason 1: \u{201c}Some even place #FollowBack in their bio\u{201d}",
    },
    begging_in_name: bool {
        id: "begging.in_name", group: G_BEGGING,
        label: "Also look in the display name",
        help: "Follow-back hashtags are often put in the name too.",
        bounds: [], unit: "", default: true,
        source: "'5 Reasons People Aren't Following You Back on Twitter' (blog post, n.d.), reason 1 (follow-back hashtags in bios and names)",
    },
    begging_points: i64 {
        id: "begging.points", group: G_BEGGING,
        label: "Points taken for asking for follow-backs",
        help: "Taken once, however many phrases match.",
        bounds: [0, 50, 1], unit: "points", default: 25,
        source: "'5 Reasons People Aren't Following You Back on Twitter' (blog post, n.d.), reason 1: \u{201c}When I see any sort of messaging like that, I steer clear\u{201d} (the firmest rule the users gave)",
    },
    begging_tweets_share: f64 {
        id: "begging.tweets_share", group: G_BEGGING,
        label: "Follow-back phrases in more recent posts than",
        help: "Share of recent posts (reposts included: follow trains spread by reposts) with a follow-back phrase or hashtag from the list above.",
        bounds: [0, 1, 0.05], unit: "", default: 0.3,
        source: "Socialbakers, 'Fake Followers Check: a new free tool from Socialbakers', 2012: more than 30% of tweets with spam phrases; '5 Reasons People Aren't Following You Back on Twitter' (blog post, n.d.), reason 1: \u{201c}a Twitter feed that's polluted solely with tweets requesting follows\u{201d}",
    },
    begging_tweets_points: i64 {
        id: "begging.tweets_points", group: G_BEGGING,
        label: "Points taken for follow-back posts",
        help: "Taken once when recent posts ask for follow-backs more often than the share above.",
        bounds: [0, 50, 1], unit: "points", default: 15,
        source: "'5 Reasons People Aren't Following You Back on Twitter' (blog post, n.d.), reason 1: \u{201c}who wants to follow a Twitter feed that's polluted solely with tweets requesting follows? There's no value there.\u{201d}",
    },

    // ---- Self-proclaimed experts (heuristic 4) ----
    guru_keywords: Vec<String> {
        id: "guru.keywords", group: G_GURU,
        label: "Self-proclaimed expert words",
        help: "Words people use to sell themselves as social-media experts; matched as whole words in the bio.",
        bounds: [], unit: "",
        default: keywords(&[
            "social media expert", "social media guru", "social media ninja",
            "social media rockstar", "social media influencer", "growth hacker",
            "growth hacking", "guru", "ninja", "rockstar", "influencer",
        ]),
        source: "'5 Reasons People Aren't Following You Back on Twitter' (blog post, n.d.), reason 4: \u{201c}call themselves social media marketers (or experts, or gurus, or ninjas)\u{201d}; 'This One Twitter Trick Makes Me Cringe And Loathe Social Media \u{201c}Experts\u{201d}' (blog post, n.d.); Sam T (The Coffice), comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.): \u{201c}social media ninjas, gurus\u{201d}",
    },
    guru_points: i64 {
        id: "guru.points", group: G_GURU,
        label: "Points taken for expert words",
        help: "Kept small: the profile alone cannot show whether they actually socialise.",
        bounds: [0, 30, 1], unit: "points", default: 5,
        source: "'5 Reasons People Aren't Following You Back on Twitter' (blog post, n.d.), reason 4: \u{201c}there are definitely a lot of legitimate ones out there\u{201d} (so a modest penalty)",
    },
    guru_silent_points: i64 {
        id: "guru.silent_points", group: G_GURU,
        label: "Points taken for expert words and no conversation",
        help: "Expert words in the bio while fewer recent posts than \u{201c}conversation share\u{201d} (Variety and conversation) talk with anyone.",
        bounds: [0, 40, 1], unit: "points", default: 12,
        source: "'5 Reasons People Aren't Following You Back on Twitter' (blog post, n.d.), reason 4: \u{201c}They're taking an industry with social in the title and not doing much socializing\u{201d}",
    },

    // ---- Spam words (audit tools' spam keywords) ----
    spam_keywords: Vec<String> {
        id: "spam.keywords", group: G_SPAM,
        label: "Spam phrases",
        help: "Phrases spam and fake accounts advertise with; matched as whole words in the name and bio. Keep them specific: a broad word (\u{201c}crypto\u{201d}) would hit genuine people.",
        bounds: [], unit: "",
        default: keywords(&[
            "airdrop", "giveaway", "crypto signals", "forex signals", "trading signals",
            "signals group", "dm for promo", "dm for promotion", "dm for collab", "promo dm",
            "paid promotion", "onlyfans", "cashapp", "make money online",
            "earn money online", "work from home", "free followers", "buy followers",
            "get followers", "binary options", "forex trader", "account manager",
            "100x gem", "whatsapp me",
        ]),
        source: "SparkToro, 'Fake Followers Audit', 2022: spam keywords in the profile; Socialbakers, 'Fake Followers Check: a new free tool from Socialbakers', 2012: spam phrases",
    },
    spam_points: i64 {
        id: "spam.points", group: G_SPAM,
        label: "Points taken for spam phrases",
        help: "Taken once, however many phrases match.",
        bounds: [0, 40, 1], unit: "points", default: 12,
        source: "SparkToro, 'Fake Followers Audit', 2022: spam keywords are one of about 17 fake-account signals (a firm but not deciding penalty)",
    },

    // ---- Bio and photo (heuristic 6) ----
    bio_missing_points: i64 {
        id: "bio.missing_points", group: G_PROFILE,
        label: "Points taken for an empty bio",
        help: "Only when the bio was seen and is empty; a bio not seen yet gives no points.",
        bounds: [0, 30, 1], unit: "points", default: 8,
        source: "Carolina, 'Twitter\u{2026} What's the problem with reciprocal following?' (blog post, n.d.): \u{201c}get your Twitter Bio and photo up there ... so people know who you are\u{201d}; Socialbakers, 'Fake Followers Check: a new free tool from Socialbakers', 2012: no bio",
    },
    bio_present_points: i64 {
        id: "bio.present_points", group: G_PROFILE,
        label: "Points for having a bio",
        help: "A bio tells you who they are.",
        bounds: [0, 15, 1], unit: "points", default: 3,
        source: "Carolina, 'Twitter\u{2026} What's the problem with reciprocal following?' (blog post, n.d.) (a bio tells who they are); Yang, Varol, Hui & Menczer, 'Scalable and generalizable social bot detection through data selection' (BotometerLite), 2020: description length",
    },
    avatar_default_points: i64 {
        id: "avatar.default_points", group: G_PROFILE,
        label: "Points taken for the default avatar",
        help: "The default egg / silhouette instead of a photo.",
        bounds: [0, 40, 1], unit: "points", default: 10,
        source: "Carolina, 'Twitter\u{2026} What's the problem with reciprocal following?' (blog post, n.d.) (bio and photo); SparkToro, 'Fake Followers Audit', 2022: default avatar",
    },
    avatar_old_days: i64 {
        id: "avatar.old_days", group: G_PROFILE,
        label: "A default avatar counts extra after",
        help: "Accounts older than this that still have the default avatar lose extra points.",
        bounds: [0, 3650, 1], unit: "days", default: 60,
        source: "Socialbakers, 'Fake Followers Check: a new free tool from Socialbakers', 2012: older than 2 months with the default avatar",
    },
    avatar_old_points: i64 {
        id: "avatar.old_points", group: G_PROFILE,
        label: "Extra points taken for an old default avatar",
        help: "Added to the default-avatar points for accounts older than the age above.",
        bounds: [0, 30, 1], unit: "points", default: 6,
        source: "Socialbakers, 'Fake Followers Check: a new free tool from Socialbakers', 2012: older than 2 months with the default avatar",
    },
    avatar_custom_points: i64 {
        id: "avatar.custom_points", group: G_PROFILE,
        label: "Points for an own photo",
        help: "Any avatar other than the default.",
        bounds: [0, 15, 1], unit: "points", default: 3,
        source: "Carolina, 'Twitter\u{2026} What's the problem with reciprocal following?' (blog post, n.d.): \u{201c}get your Twitter Bio and photo up there\u{201d}",
    },

    // ---- Follow counts (heuristics 9, 10; link farming) ----
    ratio_mild: f64 {
        id: "ratio.mild", group: G_COUNTS,
        label: "Follow-ratio penalty starts above",
        help: "Following divided by followers. Above this the penalty grows (on a log scale) up to its full size at the next setting.",
        bounds: [1, 1000, 0.5], unit: ": 1", default: 2.0,
        source: "The ratio is a weak signal: a writer's blog post on auto-follow-backs ('What's your Twitter follow policy?', n.d.); 'This One Twitter Trick Makes Me Cringe And Loathe Social Media \u{201c}Experts\u{201d}' (blog post, n.d.); Julia Serafina, comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.); Followback's choice: it starts to count only when following is over twice followers",
    },
    ratio_severe: f64 {
        id: "ratio.severe", group: G_COUNTS,
        label: "Full follow-ratio penalty at",
        help: "Following divided by followers at which the whole penalty applies.",
        bounds: [1, 10000, 1], unit: ": 1", default: 50.0,
        source: "Socialbakers, 'Fake Followers Check: a new free tool from Socialbakers', 2012: following:followers of 50:1 or more",
    },
    ratio_severe_points: i64 {
        id: "ratio.severe_points", group: G_COUNTS,
        label: "Most points a high follow ratio can take",
        help: "Capped at 20 so that no single ratio decides.",
        bounds: [0, 20, 1], unit: "points", default: 20,
        source: "Socialbakers, 'Fake Followers Check: a new free tool from Socialbakers', 2012: following:followers of 50:1 or more; Cresci et al., 'Fame for sale: efficient detection of fake Twitter followers', 2015: the follower/friend ratio separates bought followers best; capped so no single ratio decides: numbers are not the point (a writer's blog post on auto-follow-backs ('What's your Twitter follow policy?', n.d.); Julia Serafina, comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.))",
    },
    ratio_reward_ratio: f64 {
        id: "ratio.reward_ratio", group: G_COUNTS,
        label: "Full points when followers are this many times following",
        help: "Points grow on a log scale from nothing (followers equal to following) to this.",
        bounds: [1, 1000, 0.5], unit: "\u{d7}", default: 10.0,
        source: "a writer's blog post on auto-follow-backs ('What's your Twitter follow policy?', n.d.) (a ratio that shows they do not follow back automatically); Followback's choice: 10 times, one step of ten on the log scale, kept modest because numbers are not the point (a writer's blog post on auto-follow-backs ('What's your Twitter follow policy?', n.d.); Julia Serafina, comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.))",
    },
    ratio_reward_points: i64 {
        id: "ratio.reward_points", group: G_COUNTS,
        label: "Most points for followers above following",
        help: "A modest plus: numbers are not the point.",
        bounds: [0, 15, 1], unit: "points", default: 8,
        source: "Followback's choice: well under the ratio penalty, because numbers are not the point (a writer's blog post on auto-follow-backs ('What's your Twitter follow policy?', n.d.); Julia Serafina, comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.)); Cresci et al., 'Fame for sale: efficient detection of fake Twitter followers', 2015: followers/friends ratio",
    },
    following_cap_following_min: i64 {
        id: "following_cap.following_min", group: G_COUNTS,
        label: "Following near the 5,000 cap from",
        help: "X caps following at about 5,000 unless followers keep up; mass-follow-then-unfollow accounts sit at the cap.",
        bounds: [100, COUNT_MAX, 100], unit: "accounts", default: 4500,
        source: "X Help Center, follow limits (5,000 cap; 400 follows a day since 2019); Followback's choice: near = within 10% of the cap",
    },
    following_cap_followers_share: f64 {
        id: "following_cap.followers_share", group: G_COUNTS,
        label: "\u{2026}while followers are below this share of following",
        help: "80% means fewer than 80 followers for every 100 followed.",
        bounds: [0, 1, 0.05], unit: "", default: 0.8,
        source: "'This One Twitter Trick Makes Me Cringe And Loathe Social Media \u{201c}Experts\u{201d}' (blog post, n.d.): follow en masse, then unfollow who did not follow back (followers stay well below following)",
    },
    following_cap_points: i64 {
        id: "following_cap.points", group: G_COUNTS,
        label: "Points taken for following at the cap",
        help: "Follow churn is against X's rules.",
        bounds: [0, 30, 1], unit: "points", default: 20,
        source: "'This One Twitter Trick Makes Me Cringe And Loathe Social Media \u{201c}Experts\u{201d}' (blog post, n.d.): \u{201c}so childish\u{201d}; X Help Center, follow limits (5,000 cap; 400 follows a day since 2019) exist against churn; Followback's choice: as large as the ratio cap, because at the cap it is the same mark held for years",
    },
    follow_for_follow_min_count: i64 {
        id: "follow_for_follow.min_count", group: G_COUNTS,
        label: "Follow-for-follow: both counts at least",
        help: "Follower and following counts both at least this high.",
        bounds: [0, COUNT_MAX, 100], unit: "accounts", default: 1000,
        source: "Ghosh et al., 'Understanding and combating link farming in the Twitter social network', 2012; Dugu\u{e9} & Perez, 'Detecting social capitalists on Twitter using similarity measures', 2013 (accounts that follow back anyone, at high counts)",
    },
    follow_for_follow_tolerance: f64 {
        id: "follow_for_follow.tolerance", group: G_COUNTS,
        label: "\u{2026}and within this share of each other",
        help: "10% means followers and following differ by at most a tenth of the larger.",
        bounds: [0, 0.5, 0.01], unit: "", default: 0.1,
        source: "Dugu\u{e9} & Perez, 'Detecting social capitalists on Twitter using similarity measures', 2013: social capitalists' followers and followees overlap almost fully (approximated from the counts)",
    },
    follow_for_follow_points: i64 {
        id: "follow_for_follow.points", group: G_COUNTS,
        label: "Points taken for follow-for-follow counts",
        help: "Kept moderate: some real people follow back most of their followers.",
        bounds: [0, 30, 1], unit: "points", default: 10,
        source: "Ghosh et al., 'Understanding and combating link farming in the Twitter social network', 2012; Carolina, 'Twitter\u{2026} What's the problem with reciprocal following?' (blog post, n.d.): following back only out of politeness adds no value; Followback's choice: as large as the following-growth penalty",
    },

    // ---- Activity (heuristic 12) ----
    activity_never_points: i64 {
        id: "activity.never_points", group: G_ACTIVITY,
        label: "Most points taken for having (almost) never posted",
        help: "At or below the post count below; less the more they posted.",
        bounds: [0, 40, 1], unit: "points", default: 14,
        source: "Socialbakers, 'Fake Followers Check: a new free tool from Socialbakers', 2012: never tweeted; Si Dawson, 'The Twit Cleaner' (follower audit tool), 2010: fewer than 10 tweets",
    },
    activity_few_posts: i64 {
        id: "activity.few_posts", group: G_ACTIVITY,
        label: "Posts: the full penalty at or below",
        help: "Posts over the account's life. Points move on a log scale from the full penalty here to the full reward at the next setting.",
        bounds: [0, 1000, 1], unit: "posts", default: 1,
        source: "Socialbakers, 'Fake Followers Check: a new free tool from Socialbakers', 2012: never tweeted; Si Dawson, 'The Twit Cleaner' (follower audit tool), 2010: fewer than 10 tweets (1 post sits at the penalty, 10 about a third of the way up)",
    },
    activity_many_posts: i64 {
        id: "activity.many_posts", group: G_ACTIVITY,
        label: "Posts: full points from",
        help: "Posts over the account's life.",
        bounds: [2, COUNT_MAX, 1], unit: "posts", default: 1000,
        source: "Cresci et al., 'Fame for sale: efficient detection of fake Twitter followers', 2015: fake followers have a few dozen posts; Followback's choice: 1,000, a round number a person reaches in a year or two",
    },
    activity_many_points: i64 {
        id: "activity.many_points", group: G_ACTIVITY,
        label: "Most points for posts ever",
        help: "Kept small: spam accounts post a lot too.",
        bounds: [0, 20, 1], unit: "points", default: 2,
        source: "Cresci et al., 'The paradigm-shift of social spambots: evidence, theories, and tools for the arms race', 2017: product spambots have thousands of posts, so posting much earns little",
    },
    activity_daily_max: f64 {
        id: "activity.daily_max", group: G_ACTIVITY,
        label: "Lifetime posting rate costs points above",
        help: "Posts over the account's whole life, per day. The penalty grows on a log scale up to its full size at ten times this rate. A lower rate earns nothing either way.",
        bounds: [2, 1000, 1], unit: "posts a day", default: 50.0,
        source: "Si Dawson, 'The Twit Cleaner' (follower audit tool), 2010: more than 24 tweets a day; doubled because busy people pass 24 a day (Cresci et al., 'The paradigm-shift of social spambots: evidence, theories, and tools for the arms race', 2017: 19% of genuine accounts above it, 0.7% of spambots)",
    },
    activity_busy_points: i64 {
        id: "activity.busy_points", group: G_ACTIVITY,
        label: "Most points taken for posting like a machine",
        help: "At ten times the rate above.",
        bounds: [0, 40, 1], unit: "points", default: 8,
        source: "Si Dawson, 'The Twit Cleaner' (follower audit tool), 2010: more than 24 tweets a day; '5 Reasons People Aren't Following You Back on Twitter' (blog post, n.d.), reason 3: \u{201c}accounts that are 99% automation\u{201d}",
    },

    // ---- Lists and likes (heuristics 13, 14) ----
    listed_few: i64 {
        id: "listed.few", group: G_CURATION,
        label: "Lists: points start above",
        help: "Lists other people curate them into. Points grow on a log scale from here to the next setting; being on no list costs nothing.",
        bounds: [0, COUNT_MAX, 1], unit: "lists", default: 0,
        source: "Julia Serafina, comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.): followers added \u{201c}to Lists as a way of quietly thanking them\u{201d}; Followback's choice: small accounts are rarely listed, so no penalty",
    },
    listed_many: i64 {
        id: "listed.many", group: G_CURATION,
        label: "Lists: full points from",
        help: "Lists other people curate them into.",
        bounds: [1, COUNT_MAX, 1], unit: "lists", default: 100,
        source: "Yang, Varol, Hui & Menczer, 'Scalable and generalizable social bot detection through data selection' (BotometerLite), 2020: listed count; Followback's choice: 100 lists, a round number few accounts reach",
    },
    listed_many_points: i64 {
        id: "listed.many_points", group: G_CURATION,
        label: "Most points for being on lists",
        help: "At or above the count above; graded below it.",
        bounds: [0, 20, 1], unit: "points", default: 5,
        source: "Julia Serafina, comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.) (others curate them); Yang, Varol, Hui & Menczer, 'Scalable and generalizable social bot detection through data selection' (BotometerLite), 2020: listed count",
    },
    likes_few: i64 {
        id: "likes.few", group: G_CURATION,
        label: "Likes given: the full penalty at or below",
        help: "Likes the account has given over its life. Points move on a log scale from the full penalty here to the full reward at the next setting.",
        bounds: [0, COUNT_MAX, 1], unit: "likes", default: 1,
        source: "Yang, Varol, Hui & Menczer, 'Scalable and generalizable social bot detection through data selection' (BotometerLite), 2020: few favourites point to bots; Cresci et al., 'The paradigm-shift of social spambots: evidence, theories, and tools for the arms race', 2017: spambots almost never like",
    },
    likes_few_points: i64 {
        id: "likes.few_points", group: G_CURATION,
        label: "Most points taken for giving no likes",
        help: "At or below the count above; less the more they like.",
        bounds: [0, 30, 1], unit: "points", default: 20,
        source: "Cresci et al., 'The paradigm-shift of social spambots: evidence, theories, and tools for the arms race', 2017 and Cresci et al., 'Fame for sale: efficient detection of fake Twitter followers', 2015: bought and spam accounts almost never like; Followback's choice: as large as the ratio cap",
    },
    likes_per_post_min: f64 {
        id: "likes.per_post_min", group: G_CURATION,
        label: "Likes per post: the penalty starts below",
        help: "Likes given divided by posts (one of each added). 0.001 = one like for every 1,000 posts. The penalty grows on a log scale down to the next setting.",
        bounds: [0, 1, 0.0001], unit: "likes per post", default: 0.001,
        source: "Yang, Varol, Hui & Menczer, 'Scalable and generalizable social bot detection through data selection' (BotometerLite), 2020: favourites growth against tweet frequency; one like per 1,000 posts is rare for people in every labelled set (Cresci et al., 'Fame for sale: efficient detection of fake Twitter followers', 2015; Cresci et al., 'The paradigm-shift of social spambots: evidence, theories, and tools for the arms race', 2017), while product spambots sit far below",
    },
    likes_per_post_full: f64 {
        id: "likes.per_post_full", group: G_CURATION,
        label: "Likes per post: the full penalty at or below",
        help: "0.0001 = one like for every 10,000 posts.",
        bounds: [0, 1, 0.0001], unit: "likes per post", default: 0.0001,
        source: "Yang, Varol, Hui & Menczer, 'Scalable and generalizable social bot detection through data selection' (BotometerLite), 2020: favourites against tweet frequency; Followback's choice: ten times below the start",
    },
    likes_per_post_points: i64 {
        id: "likes.per_post_points", group: G_CURATION,
        label: "Most points taken for next to no likes for many posts",
        help: "Only the extreme costs: how much people like varies a lot between years.",
        bounds: [0, 30, 1], unit: "points", default: 10,
        source: "Cresci et al., 'The paradigm-shift of social spambots: evidence, theories, and tools for the arms race', 2017: social spambots post thousands of times and barely like; Followback's choice: half the likes penalty",
    },
    likes_many: i64 {
        id: "likes.many", group: G_CURATION,
        label: "Likes given: full points from",
        help: "Likes the account has given over its life.",
        bounds: [1, COUNT_MAX, 1], unit: "likes", default: 1000,
        source: "Yang, Varol, Hui & Menczer, 'Scalable and generalizable social bot detection through data selection' (BotometerLite), 2020: favourites count; Followback's choice: 1,000, a round number a few years of a person's liking reaches",
    },
    likes_many_points: i64 {
        id: "likes.many_points", group: G_CURATION,
        label: "Most points for liking other people's posts",
        help: "At or above the count above; graded below it.",
        bounds: [0, 30, 1], unit: "points", default: 12,
        source: "'This One Twitter Trick Makes Me Cringe And Loathe Social Media \u{201c}Experts\u{201d}' (blog post, n.d.): \u{201c}Retweet things you like\u{201d}; Yang, Varol, Hui & Menczer, 'Scalable and generalizable social bot detection through data selection' (BotometerLite), 2020: favourites count; Followback's choice: smaller than the penalty, so a profile alone stays below 100",
    },

    // ---- Bot-like profile (heuristic 13) ----
    handle_digits_free: i64 {
        id: "handle.digits_free", group: G_BOT,
        label: "Handle digits: nothing for a run of up to",
        help: "Years and lucky numbers are common in people's handles.",
        bounds: [0, 14, 1], unit: "digits", default: 4,
        source: "Yang, Varol, Hui & Menczer, 'Scalable and generalizable social bot detection through data selection' (BotometerLite), 2020: digits in the screen name; Followback's choice: 4, a year of birth",
    },
    handle_digit_run: i64 {
        id: "handle.digit_run", group: G_BOT,
        label: "Handle digits: the full penalty from a run of",
        help: "X's default handles are a name followed by 8 digits; the penalty grows by digit from the setting above.",
        bounds: [1, 15, 1], unit: "digits", default: 8,
        source: "Yang, Varol, Hui & Menczer, 'Scalable and generalizable social bot detection through data selection' (BotometerLite), 2020: digits in the screen name; X's default handles are a name and 8 digits",
    },
    handle_points: i64 {
        id: "handle.points", group: G_BOT,
        label: "Most points taken for handle digits",
        help: "Small: many real people keep the handle X gave them.",
        bounds: [0, 20, 1], unit: "points", default: 5,
        source: "Yang, Varol, Hui & Menczer, 'Scalable and generalizable social bot detection through data selection' (BotometerLite), 2020: digits in the screen name; Followback's choice: small, because many people keep the handle X gave them",
    },
    following_growth_per_day: f64 {
        id: "following_growth.per_day", group: G_BOT,
        label: "Following growth costs points above",
        help: "Following count divided by account age in days. The penalty grows on a log scale up to the next setting.",
        bounds: [1, 400, 1], unit: "per day", default: 1.0,
        source: "Yang, Varol, Hui & Menczer, 'Scalable and generalizable social bot detection through data selection' (BotometerLite), 2020: friends growth rate (following divided by age); people average well under one follow a day over an account's life, so 1 a day is where it starts",
    },
    following_growth_full_per_day: f64 {
        id: "following_growth.full_per_day", group: G_BOT,
        label: "Following growth: the full penalty from",
        help: "Follows a day over the account's life.",
        bounds: [2, 1000, 1], unit: "per day", default: 50.0,
        source: "Yang, Varol, Hui & Menczer, 'Scalable and generalizable social bot detection through data selection' (BotometerLite), 2020: high friends growth points to bots; Followback's choice: 50 a day, an eighth of X's limit of 400 follows a day",
    },
    following_growth_points: i64 {
        id: "following_growth.points", group: G_BOT,
        label: "Most points taken for fast following growth",
        help: "At the full-penalty rate above; graded below it.",
        bounds: [0, 30, 1], unit: "points", default: 10,
        source: "Yang, Varol, Hui & Menczer, 'Scalable and generalizable social bot detection through data selection' (BotometerLite), 2020: high friends growth points to bots; 'This One Twitter Trick Makes Me Cringe And Loathe Social Media \u{201c}Experts\u{201d}' (blog post, n.d.) (mass following)",
    },
    bare_profile_following_min: i64 {
        id: "bare_profile.following_min", group: G_BOT,
        label: "No bio and no location while following more than",
        help: "Following count above which a profile with no bio and no location loses points.",
        bounds: [0, COUNT_MAX, 1], unit: "accounts", default: 100,
        source: "Socialbakers, 'Fake Followers Check: a new free tool from Socialbakers', 2012: no bio and no location while following more than 100",
    },
    bare_profile_points: i64 {
        id: "bare_profile.points", group: G_BOT,
        label: "Points taken for a bare profile that follows many",
        help: "Added to the empty-bio points: the combination is a fake-follower rule of its own.",
        bounds: [0, 30, 1], unit: "points", default: 6,
        source: "Socialbakers, 'Fake Followers Check: a new free tool from Socialbakers', 2012: no bio and no location while following more than 100",
    },

    // ---- Verification, age and relationship ----
    verified_points: i64 {
        id: "verified.points", group: G_TRUST,
        label: "Points for legacy verification or an organisation check",
        help: "Gold (business) and grey (government) checks; the paid check gives no points: it only shows someone pays.",
        bounds: [0, 20, 1], unit: "points", default: 5,
        source: "Yang, Varol, Hui & Menczer, 'Scalable and generalizable social bot detection through data selection' (BotometerLite), 2020: verified; X's organisation checks (Verified Organizations, 2023) are checked by X",
    },
    identity_points: i64 {
        id: "identity.points", group: G_TRUST,
        label: "Points for identity verification",
        help: "X checked their government ID.",
        bounds: [0, 20, 1], unit: "points", default: 3,
        source: "X, ID verification for Premium, 2023; Yang, Varol, Hui & Menczer, 'Scalable and generalizable social bot detection through data selection' (BotometerLite), 2020: verified; Followback's choice: mild, because it comes with paying",
    },
    automated_points: i64 {
        id: "automated.points", group: G_TRUST,
        label: "Points taken for X's \u{201c}Automated\u{201d} label",
        help: "The account itself says it is a bot (\u{201c}Automated by @operator\u{201d}).",
        bounds: [0, 100, 1], unit: "points", default: 40,
        source: "X, automated account labels, 2022: the operator declares the bot; '5 Reasons People Aren't Following You Back on Twitter' (blog post, n.d.), reason 3: \u{201c}accounts that are 99% automation, and I'll never follow\u{201d}",
    },
    parody_points: i64 {
        id: "parody.points", group: G_TRUST,
        label: "Points taken for a parody, commentary or fan label",
        help: "Informative: not the person or group it names.",
        bounds: [0, 30, 1], unit: "points", default: 3,
        source: "X, parody, commentary and fan account labels, 2025; Carolina, 'Twitter\u{2026} What's the problem with reciprocal following?' (blog post, n.d.) (you should know who they are)",
    },
    username_changes_from: i64 {
        id: "username_changes.from", group: G_TRUST,
        label: "Username changes: nothing up to",
        help: "From \u{201c}About this account\u{201d}. The penalty grows on a log scale up to the next setting.",
        bounds: [0, 100, 1], unit: "changes", default: 2,
        source: "X, \u{201c}About this account\u{201d}, 2025; Followback's choice: a change or two is ordinary",
    },
    username_changes_full: i64 {
        id: "username_changes.full", group: G_TRUST,
        label: "Username changes: the full penalty from",
        help: "From \u{201c}About this account\u{201d}.",
        bounds: [1, 1000, 1], unit: "changes", default: 10,
        source: "Mariconti et al., 'What's in a name? Understanding profile name reuse on Twitter', 2017: squatted and re-purposed accounts change names; Followback's choice: 10, a round number",
    },
    username_changes_points: i64 {
        id: "username_changes.points", group: G_TRUST,
        label: "Most points taken for username changes",
        help: "Mild: people rename too.",
        bounds: [0, 30, 1], unit: "points", default: 5,
        source: "Mariconti et al., 'What's in a name? Understanding profile name reuse on Twitter', 2017; Followback's choice: mild, a readable but weak mark",
    },
    self_bot_words: Vec<String> {
        id: "self_bot.words", group: G_TRUST,
        label: "Words an account calls itself a bot with",
        help: "Matched as whole words in the handle, name (camelCase split: NewsBot) and bio; not after \u{201c}not\u{201d} or \u{201c}no\u{201d}. \u{201c}Robotics\u{201d} does not match \u{201c}bot\u{201d}.",
        bounds: [], unit: "",
        default: keywords(&["bot", "twitterbot", "automated account", "auto tweets", "autotweets"]),
        source: "X, automation rules (bots should say they are bots); Sam T (The Coffice), comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.): \u{201c}to see if they're human\u{201d}",
    },
    self_bot_points: i64 {
        id: "self_bot.points", group: G_TRUST,
        label: "Points taken for calling itself a bot",
        help: "Taken once.",
        bounds: [0, 60, 1], unit: "points", default: 20,
        source: "X, automation rules and automated account labels, 2022: a declared bot is not a person to follow back; Followback's choice: half the label's penalty, because a word can be a joke",
    },
    age_new_days: i64 {
        id: "age.new_days", group: G_TRUST,
        label: "Account age: the full penalty at or below",
        help: "Age when the counts were seen. Points move on a log scale from the full penalty here to the full reward at the next setting.",
        bounds: [0, 3650, 1], unit: "days", default: 30,
        source: "SparkToro, 'Fake Followers Audit', 2022: account age; ManageFlitter and UnTweeps (follower audit tools of the early 2010s): 30 days",
    },
    age_new_points: i64 {
        id: "age.new_points", group: G_TRUST,
        label: "Most points taken for a new account",
        help: "At or below the age above; everyone starts new, so it is bounded.",
        bounds: [0, 30, 1], unit: "points", default: 10,
        source: "SparkToro, 'Fake Followers Audit', 2022: account age; Cresci et al., 'Fame for sale: efficient detection of fake Twitter followers', 2015 and Cresci et al., 'The paradigm-shift of social spambots: evidence, theories, and tools for the arms race', 2017: bought and spam accounts are months old, people's accounts years",
    },
    age_old_days: i64 {
        id: "age.old_days", group: G_TRUST,
        label: "Account age: full points from",
        help: "Age when the counts were seen.",
        bounds: [1, 7300, 1], unit: "days", default: 1000,
        source: "SparkToro, 'Fake Followers Audit', 2022: account age; Yang, Varol, Hui & Menczer, 'Scalable and generalizable social bot detection through data selection' (BotometerLite), 2020: age divides every growth rate; Followback's choice: 1,000 days, a round number under three years",
    },
    age_old_points: i64 {
        id: "age.old_points", group: G_TRUST,
        label: "Most points for a long-kept account",
        help: "At or above the age above; graded below it.",
        bounds: [0, 30, 1], unit: "points", default: 12,
        source: "SparkToro, 'Fake Followers Audit', 2022: account age; Hays et al., 'Simplistic collection and labeling practices limit the utility of benchmark datasets for Twitter bot detection', 2023: simple profile facts like age hold up across datasets better than fitted models",
    },
    follows_you_points: i64 {
        id: "follows_you.points", group: G_TRUST,
        label: "Points when they follow you",
        help: "\u{201c}Follows you\u{201d} on their profile or row.",
        bounds: [0, 20, 1], unit: "points", default: 3,
        source: "a writer's blog post on auto-follow-backs ('What's your Twitter follow policy?', n.d.): follow back people you already have a relationship with",
    },

    // ---- Memory (what is kept across visits) ----
    memory_capacity: i64 {
        id: "memory.capacity", group: G_MEMORY,
        label: "Accounts remembered",
        help: "How many accounts (facts, count history, interactions, recent posts) are kept across visits, saved as each arrives; the least recently seen are forgotten first (also when the saved memory passes 200 MB), with a notice here.",
        bounds: [1000, 500000, 1000], unit: "accounts", default: 100000,
        source: "Followback's measurement: about 160 bytes stored per account seen only on profiles and lists in the browser's IndexedDB, about 2 KB more with 20 saved posts",
    },
    // ---- Automation in recent posts (heuristic 3) ----
    posts_min_count: i64 {
        id: "posts.min_count", group: G_AUTOMATION,
        label: "Judge recent posts from at least",
        help: "Shares, rates and timing of recent posts are judged only with at least this many posts seen; fewer read \u{201c}not seen yet\u{201d}.",
        bounds: [2, 200, 1], unit: "posts", default: 10,
        source: "Si Dawson, 'The Twit Cleaner' (follower audit tool), 2010: fewer than 10 tweets says too little; Zhang & Paxson, 'Detecting and analyzing automated activity on Twitter', 2011: clock-bound timing shows from about 10 posts",
    },
    automation_link_only_share: f64 {
        id: "automation.link_only_share", group: G_AUTOMATION,
        label: "Link-only feed: more of their own posts than",
        help: "Share of their own recent posts (reposts aside) that are nothing but a link and hashtags.",
        bounds: [0, 1, 0.05], unit: "", default: 0.9,
        source: "Socialbakers, 'Fake Followers Check: a new free tool from Socialbakers', 2012: more than 90% links; Si Dawson, 'The Twit Cleaner' (follower audit tool), 2010: nothing but links",
    },
    automation_link_only_points: i64 {
        id: "automation.link_only_points", group: G_AUTOMATION,
        label: "Points taken for a link-only feed",
        help: "A feed of bare links is usually fed in by a tool.",
        bounds: [0, 40, 1], unit: "points", default: 12,
        source: "'5 Reasons People Aren't Following You Back on Twitter' (blog post, n.d.), reason 3: \u{201c}content is automatically fed through to my Twitter feed\u{201d} and \u{201c}99% automation, and I'll never follow\u{201d}",
    },
    automation_repeat_copies: i64 {
        id: "automation.repeat_copies", group: G_AUTOMATION,
        label: "Same text posted more than",
        help: "Copies of the same (or nearly the same) text among their own recent posts.",
        bounds: [1, 100, 1], unit: "times", default: 3,
        source: "Socialbakers, 'Fake Followers Check: a new free tool from Socialbakers', 2012: the same tweet repeated more than 3 times",
    },
    automation_repeat_points: i64 {
        id: "automation.repeat_points", group: G_AUTOMATION,
        label: "Points taken for repeated texts",
        help: "For posting the same text more often than the number above.",
        bounds: [0, 40, 1], unit: "points", default: 12,
        source: "Socialbakers, 'Fake Followers Check: a new free tool from Socialbakers', 2012: the same tweet repeated more than 3 times; Si Dawson, 'The Twit Cleaner' (follower audit tool), 2010: the same link repeated",
    },
    automation_interval_cv_max: f64 {
        id: "automation.interval_cv_max", group: G_AUTOMATION,
        label: "Machine-regular: gaps between posts vary less than",
        help: "How much the gaps between posts vary (their spread divided by their average). A tool posting every hour is near 0; people are near 1 or above.",
        bounds: [0, 2, 0.05], unit: "", default: 0.2,
        source: "Chu, Gianvecchio, Wang & Jajodia, 'Who is tweeting on Twitter: human, bot, or cyborg?', 2010 (journal version 2012): regular gaps between posts betray bots; Followback's choice: 0.2, well below people's 1 or so",
    },
    automation_clock_dispersion_min: f64 {
        id: "automation.clock_dispersion_min", group: G_AUTOMATION,
        label: "Clock-bound: posting minutes or seconds bunched more than",
        help: "How bunched the minutes and seconds that posts go out at are: about 1 for people, far above 1 when a tool always posts at :00 or :30.",
        bounds: [1, 60, 0.5], unit: "\u{d7}", default: 4.0,
        source: "Zhang & Paxson, 'Detecting and analyzing automated activity on Twitter', 2011: posting minutes and seconds that are not spread at random betray automation; Followback's choice: 4 (10 random posts almost never reach it)",
    },
    automation_clock_even_min_posts: i64 {
        id: "automation.clock_even_min_posts", group: G_AUTOMATION,
        label: "Too-even posting minutes judged from",
        help: "Posting minutes spread more evenly than chance (a scheduler cycling through the hour) only show with many posts.",
        bounds: [60, 10000, 10], unit: "posts", default: 120,
        source: "Zhang & Paxson, 'Detecting and analyzing automated activity on Twitter', 2011 (too even timing); Followback's measurement on random times: the even side needs about 120 posts to show",
    },
    automation_clock_even_dispersion: f64 {
        id: "automation.clock_even_dispersion", group: G_AUTOMATION,
        label: "\u{2026}when the dispersion is below",
        help: "About 1 for people; near 0 when every minute is used the same number of times.",
        bounds: [0, 1, 0.05], unit: "\u{d7}", default: 0.3,
        source: "Zhang & Paxson, 'Detecting and analyzing automated activity on Twitter', 2011 (too even timing); Followback's choice: 0.3",
    },
    automation_timing_points: i64 {
        id: "automation.timing_points", group: G_AUTOMATION,
        label: "Points taken for machine-regular posting times",
        help: "Taken once for regular gaps, bunched clock times or too-even minutes.",
        bounds: [0, 40, 1], unit: "points", default: 10,
        source: "Chu, Gianvecchio, Wang & Jajodia, 'Who is tweeting on Twitter: human, bot, or cyborg?', 2010 (journal version 2012) (regular gaps); Zhang & Paxson, 'Detecting and analyzing automated activity on Twitter', 2011 (clock-bound timing)",
    },
    automation_daily_max: f64 {
        id: "automation.daily_max", group: G_AUTOMATION,
        label: "Too busy: more recent posts a day than",
        help: "Recent posts per day between the oldest and newest post seen.",
        bounds: [2, 1000, 1], unit: "posts a day", default: 24.0,
        source: "Si Dawson, 'The Twit Cleaner' (follower audit tool), 2010: more than 24 tweets a day",
    },
    automation_rate_points: i64 {
        id: "automation.rate_points", group: G_AUTOMATION,
        label: "Most points taken for posting faster than a person",
        help: "The penalty grows on a log scale from the daily rate above to ten times it.",
        bounds: [0, 40, 1], unit: "points", default: 10,
        source: "Si Dawson, 'The Twit Cleaner' (follower audit tool), 2010: more than 24 tweets a day; '5 Reasons People Aren't Following You Back on Twitter' (blog post, n.d.), reason 3: \u{201c}overwhelm your readers with too much at once\u{201d}",
    },
    client_keywords: Vec<String> {
        id: "client.keywords", group: G_AUTOMATION,
        label: "Scheduling and feed tools",
        help: "Names of the apps posts are sent from (\u{201c}Posting app\u{201d}) that feed or schedule posts; matched as part of the app's name, ignoring case.",
        bounds: [], unit: "",
        default: keywords(&[
            "dlvr.it", "IFTTT", "twitterfeed", "Buffer", "Hootsuite", "SocialOomph",
            "TweetDeck Scheduler", "Zapier", "RSS", "Publer", "Sprout Social", "SocialPilot",
            "Botize", "Tweet Old Post", "Revive Old Post", "Cheap Bots", "autotweet",
        ]),
        source: "Chu, Gianvecchio, Wang & Jajodia, 'Who is tweeting on Twitter: human, bot, or cyborg?', 2010 (journal version 2012): posting devices; feed and scheduling tools, as in '5 Reasons People Aren't Following You Back on Twitter' (blog post, n.d.), reason 3: \u{201c}automatically fed through\u{201d}",
    },
    client_share_from: f64 {
        id: "client.share_from", group: G_AUTOMATION,
        label: "Posting app: penalty starts above this share of own posts from tools",
        help: "Share of their own recent posts (reposts aside) with a known app that came from a tool above.",
        bounds: [0, 1, 0.05], unit: "", default: 0.3,
        source: "Chu, Gianvecchio, Wang & Jajodia, 'Who is tweeting on Twitter: human, bot, or cyborg?', 2010 (journal version 2012) (cyborgs mix tools and typing); Followback's choice: 30%",
    },
    client_share_full: f64 {
        id: "client.share_full", group: G_AUTOMATION,
        label: "Posting app: the full penalty from",
        help: "Share of own recent posts from tools.",
        bounds: [0, 1, 0.05], unit: "", default: 0.8,
        source: "'5 Reasons People Aren't Following You Back on Twitter' (blog post, n.d.), reason 3: \u{201c}accounts that are 99% automation\u{201d}; Followback's choice: 80%, most of their posts",
    },
    client_points: i64 {
        id: "client.points", group: G_AUTOMATION,
        label: "Most points taken for posting through tools",
        help: "Graded between the two shares above.",
        bounds: [0, 40, 1], unit: "points", default: 12,
        source: "Chu, Gianvecchio, Wang & Jajodia, 'Who is tweeting on Twitter: human, bot, or cyborg?', 2010 (journal version 2012): posting devices separate bots from humans; Followback's choice: as large as the link-only feed penalty",
    },

    // ---- Variety and conversation (heuristics 4, 5, 11) ----
    variety_repost_share: f64 {
        id: "variety.repost_share", group: G_VARIETY,
        label: "Only reposts: more recent posts than",
        help: "Share of recent posts that are plain reposts of others.",
        bounds: [0, 1, 0.05], unit: "", default: 0.9,
        source: "Socialbakers, 'Fake Followers Check: a new free tool from Socialbakers', 2012: more than 90% retweets; Si Dawson, 'The Twit Cleaner' (follower audit tool), 2010: mostly retweets",
    },
    variety_repost_points: i64 {
        id: "variety.repost_points", group: G_VARIETY,
        label: "Points taken for a feed of reposts only",
        help: "Nothing of their own to add.",
        bounds: [0, 40, 1], unit: "points", default: 10,
        source: "Socialbakers, 'Fake Followers Check: a new free tool from Socialbakers', 2012: more than 90% retweets",
    },
    variety_mix_min_share: f64 {
        id: "variety.mix_min_share", group: G_VARIETY,
        label: "A good mix: each kind at least",
        help: "Original posts, reposts or quotes of others, and replies each make up at least this share of recent posts.",
        bounds: [0, 0.33, 0.01], unit: "", default: 0.1,
        source: "'5 Reasons People Aren't Following You Back on Twitter' (blog post, n.d.), reason 5: \u{201c}an array of posts, from original content (whatever that may be), to RTs/sharing the content of others, to conversation\u{201d}; Followback's choice: 10%",
    },
    variety_mix_points: i64 {
        id: "variety.mix_points", group: G_VARIETY,
        label: "Points for a good mix of posts",
        help: "Own posts, sharing others and replies all present.",
        bounds: [0, 20, 1], unit: "points", default: 6,
        source: "'5 Reasons People Aren't Following You Back on Twitter' (blog post, n.d.), reason 5 (variety); 'This One Twitter Trick Makes Me Cringe And Loathe Social Media \u{201c}Experts\u{201d}' (blog post, n.d.): \u{201c}Retweet things you like ... Reply to tweets\u{201d}",
    },
    variety_self_promo_share: f64 {
        id: "variety.self_promo_share", group: G_VARIETY,
        label: "Talks about themselves in more original posts than",
        help: "Share of original posts that link to their own site (the profile's website) or use a promotion phrase (\u{201c}check out my\u{201d}, \u{201c}my new\u{201d}, \u{201c}buy\u{201d}\u{2026}).",
        bounds: [0, 1, 0.05], unit: "", default: 0.5,
        source: "Si Dawson, 'The Twit Cleaner' (follower audit tool), 2010: talks about themselves more than half the time; '5 Reasons People Aren't Following You Back on Twitter' (blog post, n.d.), reason 5",
    },
    variety_self_promo_min_originals: i64 {
        id: "variety.self_promo_min_originals", group: G_VARIETY,
        label: "\u{2026}judged from at least",
        help: "Original posts needed before self-promotion is judged.",
        bounds: [1, 200, 1], unit: "original posts", default: 5,
        source: "Followback's choice: a share of fewer than 5 posts says little",
    },
    variety_self_promo_points: i64 {
        id: "variety.self_promo_points", group: G_VARIETY,
        label: "Points taken for constant self-promotion",
        help: "For original posts promoting themselves above the share above.",
        bounds: [0, 30, 1], unit: "points", default: 8,
        source: "'5 Reasons People Aren't Following You Back on Twitter' (blog post, n.d.), reason 5: \u{201c}it can get a little overwhelming you're constantly talking about yourself\u{201d}",
    },
    conversation_min_share: f64 {
        id: "conversation.min_share", group: G_VARIETY,
        label: "Converses: replies and mentions in at least",
        help: "Share of recent posts that reply to or mention someone else.",
        bounds: [0, 1, 0.05], unit: "", default: 0.1,
        source: "Sam T (The Coffice), comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.): \u{201c}to see if they're human, and if they are there to have conversations\u{201d}; Followback's choice: 10%, one post in ten",
    },
    conversation_points: i64 {
        id: "conversation.points", group: G_VARIETY,
        label: "Points for taking part in conversations",
        help: "At or above the share above.",
        bounds: [0, 20, 1], unit: "points", default: 6,
        source: "'This One Twitter Trick Makes Me Cringe And Loathe Social Media \u{201c}Experts\u{201d}' (blog post, n.d.): \u{201c}Reply to tweets that evoke a response\u{201d}; a writer's blog post on auto-follow-backs ('What's your Twitter follow policy?', n.d.): \u{201c}people who I've carried a conversation with\u{201d}",
    },
    conversation_none_points: i64 {
        id: "conversation.none_points", group: G_VARIETY,
        label: "Points taken for no conversation",
        help: "Below the share above. Expert words in the bio cost more (Self-proclaimed experts).",
        bounds: [0, 20, 1], unit: "points", default: 3,
        source: "Sam T (The Coffice), comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.): \u{201c}there to have conversations instead of just padding their own numbers\u{201d}; Followback's choice: small on its own, because some people only post",
    },

    // ---- Recent activity (heuristic 12) ----
    recent_quiet_days: i64 {
        id: "recent.quiet_days", group: G_RECENT,
        label: "Quiet: newest post older than",
        help: "Days since the newest post seen.",
        bounds: [1, 3650, 1], unit: "days", default: 30,
        source: "Si Dawson, 'The Twit Cleaner' (follower audit tool), 2010: no activity for a month; ManageFlitter and UnTweeps (follower audit tools of the early 2010s): inactive = 30 days",
    },
    recent_quiet_points: i64 {
        id: "recent.quiet_points", group: G_RECENT,
        label: "Points taken for a quiet month",
        help: "Newest post older than the quiet days above (and not yet inactive).",
        bounds: [0, 30, 1], unit: "points", default: 5,
        source: "Si Dawson, 'The Twit Cleaner' (follower audit tool), 2010; ManageFlitter and UnTweeps (follower audit tools of the early 2010s) (30 days)",
    },
    recent_inactive_days: i64 {
        id: "recent.inactive_days", group: G_RECENT,
        label: "Inactive: newest post older than",
        help: "Days since the newest post seen.",
        bounds: [2, 3650, 1], unit: "days", default: 90,
        source: "Socialbakers, 'Fake Followers Check: a new free tool from Socialbakers', 2012: last tweet over 90 days ago; SparkToro, 'Fake Followers Audit', 2022: inactive 90-120 days",
    },
    recent_inactive_points: i64 {
        id: "recent.inactive_points", group: G_RECENT,
        label: "Points taken for an inactive account",
        help: "Newest post older than the inactive days above.",
        bounds: [0, 40, 1], unit: "points", default: 15,
        source: "Socialbakers, 'Fake Followers Check: a new free tool from Socialbakers', 2012 (inactive accounts); Kevin, comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.): \u{201c}looking for completely active users\u{201d}",
    },
    recent_active_points: i64 {
        id: "recent.active_points", group: G_RECENT,
        label: "Points for posting within the quiet days",
        help: "Newest post seen within the quiet days above.",
        bounds: [0, 20, 1], unit: "points", default: 4,
        source: "Kevin, comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.): \u{201c}looking for completely active users\u{201d}",
    },
    recent_weekly_min: f64 {
        id: "recent.weekly_min", group: G_RECENT,
        label: "Too quiet lately: fewer recent posts a week than",
        help: "Recent posts seen, per week, from the oldest of them until now.",
        bounds: [0, 14, 0.1], unit: "posts a week", default: 1.0,
        source: "Kevin, comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.): \u{201c}If they tweet once a week I skip them\u{201d}",
    },
    recent_slow_points: i64 {
        id: "recent.slow_points", group: G_RECENT,
        label: "Points taken for posting rarely lately",
        help: "Below the weekly rate above.",
        bounds: [0, 30, 1], unit: "points", default: 6,
        source: "Kevin, comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.): \u{201c}If they tweet once a week I skip them\u{201d}",
    },

    // ---- Your interests (heuristic 7) ----
    interests_keywords: Vec<String> {
        id: "interests.keywords", group: G_INTERESTS,
        label: "Your interests",
        help: "Words and phrases for what you care about (\u{201c}birdwatching\u{201d}, \u{201c}#rustlang\u{201d}); matched as whole words in bios and recent posts. Empty: this signal is skipped.",
        bounds: [], unit: "",
        default: keywords(&[]),
        source: "Carolina, 'Twitter\u{2026} What's the problem with reciprocal following?' (blog post, n.d.): \u{201c}give those people a chance to add value\u{201d} and \u{201c}common interests\u{201d}; Kevin, comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.): \u{201c}searching twitter for keywords\u{201d} (the list is yours)",
    },
    interests_points_per_match: i64 {
        id: "interests.points_per_match", group: G_INTERESTS,
        label: "Points for each interest matched",
        help: "Each interest counts once, in the bio or in recent posts.",
        bounds: [0, 20, 1], unit: "points", default: 3,
        source: "Carolina, 'Twitter\u{2026} What's the problem with reciprocal following?' (blog post, n.d.) and Kevin, comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.) (shared interests); Followback's choice: 3 points each",
    },
    interests_max_points: i64 {
        id: "interests.max_points", group: G_INTERESTS,
        label: "Most points interests can add",
        help: "Bounded so that a keyword-stuffed bio cannot decide.",
        bounds: [0, 30, 1], unit: "points", default: 9,
        source: "Followback's choice: three interests' worth, bounded because numbers are not the point (a writer's blog post on auto-follow-backs ('What's your Twitter follow policy?', n.d.); Julia Serafina, comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.))",
    },

    // ---- Interactions with you (heuristic 8) ----
    relationship_window_days: i64 {
        id: "relationship.window_days", group: G_INTERACTIONS,
        label: "Recent interactions: within the last",
        help: "Replies, mentions, likes and reposts of your posts in this many days count as recent.",
        bounds: [1, 3650, 1], unit: "days", default: 30,
        source: "a writer's blog post on auto-follow-backs ('What's your Twitter follow policy?', n.d.): \u{201c}greet me in the morning and make a point of reaching out occasionally\u{201d}; a month, as in ManageFlitter and UnTweeps (follower audit tools of the early 2010s)",
    },
    relationship_repeat_days: i64 {
        id: "relationship.repeat_days", group: G_INTERACTIONS,
        label: "Repeated: on at least this many different days",
        help: "Recent interactions on this many different days earn the extra points below.",
        bounds: [1, 365, 1], unit: "days", default: 2,
        source: "a writer's blog post on auto-follow-backs ('What's your Twitter follow policy?', n.d.): \u{201c}people who I've carried a conversation with\u{201d}; Followback's choice: 2 days, more than once",
    },
    relationship_past_points: i64 {
        id: "relationship.past_points", group: G_INTERACTIONS,
        label: "Points for interactions before that",
        help: "They interacted with you, but not recently.",
        bounds: [0, 20, 1], unit: "points", default: 3,
        source: "a writer's blog post on auto-follow-backs ('What's your Twitter follow policy?', n.d.) and Julia Serafina, comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.): relationships come first",
    },
    relationship_recent_points: i64 {
        id: "relationship.recent_points", group: G_INTERACTIONS,
        label: "Points for recent interactions",
        help: "They replied to, mentioned, liked or reposted you within the window above.",
        bounds: [0, 30, 1], unit: "points", default: 8,
        source: "a writer's blog post on auto-follow-backs ('What's your Twitter follow policy?', n.d.): \u{201c}only following people back who I've started to create a relationship with\u{201d}",
    },
    relationship_repeated_points: i64 {
        id: "relationship.repeated_points", group: G_INTERACTIONS,
        label: "Extra points for repeated recent interactions",
        help: "Added when recent interactions happened on the number of days above.",
        bounds: [0, 30, 1], unit: "points", default: 6,
        source: "a writer's blog post on auto-follow-backs ('What's your Twitter follow policy?', n.d.): \u{201c}friendly and greet me in the morning\u{201d}; Julia Serafina, comment on Ric Dragon's post on brands following back as a \u{201c}microgift\u{201d} (n.d.): \u{201c}it is the little things\u{201d}",
    },

    // ---- Follow churn (heuristic 10) ----
    churn_swing_share: f64 {
        id: "churn.swing_share", group: G_CHURN,
        label: "Churn: following rose and fell by more than",
        help: "Share of the following count, between visits, both up and down.",
        bounds: [0.01, 1, 0.01], unit: "", default: 0.1,
        source: "'This One Twitter Trick Makes Me Cringe And Loathe Social Media \u{201c}Experts\u{201d}' (blog post, n.d.): \u{201c}follow a bunch of people ... After about a week ... unfollow them\u{201d}; Followback's choice: 10%",
    },
    churn_min_accounts: i64 {
        id: "churn.min_accounts", group: G_CHURN,
        label: "\u{2026}and by at least",
        help: "Small accounts move a few follows without churning.",
        bounds: [0, COUNT_MAX, 1], unit: "accounts", default: 50,
        source: "Followback's choice: a handful of follows is ordinary use",
    },
    churn_points: i64 {
        id: "churn.points", group: G_CHURN,
        label: "Points taken for follow churn",
        help: "Following swung up and down between visits.",
        bounds: [0, 40, 1], unit: "points", default: 12,
        source: "'This One Twitter Trick Makes Me Cringe And Loathe Social Media \u{201c}Experts\u{201d}' (blog post, n.d.): \u{201c}Following en masse and then unfollowing people who don't follow you is so childish\u{201d}",
    },
    churn_reversals: i64 {
        id: "churn.reversals", group: G_CHURN,
        label: "Repeated churn: direction changes at least",
        help: "Times the following count turned from rising to falling or back.",
        bounds: [1, 100, 1], unit: "times", default: 2,
        source: "'This One Twitter Trick Makes Me Cringe And Loathe Social Media \u{201c}Experts\u{201d}' (blog post, n.d.): \u{201c}Hundreds and thousands of new social media marketers use this trick every day\u{201d} (a routine, not a one-off clean-up)",
    },
    churn_repeat_points: i64 {
        id: "churn.repeat_points", group: G_CHURN,
        label: "Extra points for repeated churn",
        help: "Added to the churn points at the number of direction changes above.",
        bounds: [0, 30, 1], unit: "points", default: 6,
        source: "'This One Twitter Trick Makes Me Cringe And Loathe Social Media \u{201c}Experts\u{201d}' (blog post, n.d.) (churn as a routine)",
    },

    // ---- Self-check: how your own account looks (issue 13) ----
    selfcheck_enabled: bool {
        id: "selfcheck.enabled", group: G_SELFCHECK,
        label: "Show \u{201c}How you look\u{201d} on your own profile",
        help: "On your own profile, a chip opens a self-check instead of a badge: the verdict other people's Followback would give you, and what would change it. Nothing leaves the browser.",
        bounds: [], unit: "", default: true,
        source: "Followback's choice: on, because '5 Reasons People Aren't Following You Back on Twitter' (blog post, n.d.) is written to account owners",
    },

    // ---- What to show where: per-surface switches (issue 12) ----
    display_lists: bool {
        id: "display.lists", group: G_DISPLAY,
        label: "Badges in lists",
        help: "Badges beside the accounts in follower, following, list-member, like and repost lists and in search results.",
        bounds: [], unit: "", default: true,
        source: "Followback's choice: on, because lists are where follow-back decisions are made",
    },
    display_profiles: bool {
        id: "display.profiles", group: G_DISPLAY,
        label: "Badges on profiles",
        help: "A badge beside the name at the top of a profile page.",
        bounds: [], unit: "", default: true,
        source: "Followback's choice: on",
    },
    display_notifications: bool {
        id: "display.notifications", group: G_DISPLAY,
        label: "Badges in notifications",
        help: "Badges beside the people in your notifications (new followers, likes, reposts, replies).",
        bounds: [], unit: "", default: true,
        source: "Followback's choice: on",
    },
    display_hover_cards: bool {
        id: "display.hover_cards", group: G_DISPLAY,
        label: "Badges in hover cards",
        help: "A badge in the card X shows when you rest the pointer on a name.",
        bounds: [], unit: "", default: true,
        source: "Followback's choice: on",
    },
    display_hide_not_enough_data: bool {
        id: "display.hide_not_enough_data", group: G_DISPLAY,
        label: "Hide \u{201c}not enough data\u{201d} badges",
        help: "Show no badge where too little was seen to judge an account.",
        bounds: [], unit: "", default: false,
        source: "Followback's choice: off, so every account seen shows that it was looked at",
    },
}
