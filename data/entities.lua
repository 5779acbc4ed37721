-- leninletter entity catalogue: every person, organization, periodical, place,
-- event and work that "Our Tasks and the Soviet of Workers’ Deputies" (the
-- letter, its header and its eight notes) names. Plain data; edited by hand.
--
-- This file is the input of the built-in catalogue (`ll.catalogue()`, the
-- entities of `ll.letter()`); whatever embeds it into the C core generates
-- from here. spec/catalogue_data_spec.lua checks every rule below.
--
-- HOW TO ADD AN ENTRY
--   * Put it where the entity is first mentioned: entries run in source order
--     (author line, title, subtitle, header fields, the 21 body paragraphs, the
--     8 notes), by the first place where one of its names actually matches
--     under longest-match-first (so the Soviet of Workers’ Deputies, whose
--     name inside the title belongs to the title, is first mentioned in body
--     paragraph 1).
--   * id: a lowercase ASCII slug ([a-z0-9] words joined by "-"), never
--     changed once published.
--   * name: the fullest name the document itself uses, in its own typography
--     (curly ’ as in `Soviet of Workers’ Deputies`).
--   * type: "person", "organization", "periodical", "place", "event", "work".
--   * aliases: the other forms the document really uses for it, copied as
--     written: abbreviations, translations, short, plural and adjectival
--     forms. Every name and alias must occur in the text as whole words
--     (matching ignores case, the apostrophe kind and runs of spaces) and must
--     win at least one mention under longest-match-first; no alias may be
--     shared by two entries.
--   * note, description: the number of the note that is about this entity
--     (the note's headword: each of notes 1-8 explains exactly one entry),
--     and the note's own defining words, verbatim (the phrase after the em
--     dash, or the sentence that says what it is). Both nil for entities the
--     notes only mention in passing.
--
-- DECISIONS
--   * `Soviet` alone is an alias of the Soviet of Workers’ Deputies: the body
--     uses it 11 times for that Soviet and for nothing else. Note 4 uses the
--     adjective in a general sense (`Soviet power` twice, `Soviet statesmen`,
--     `the Soviet state`); those phrases are the forms of the entry
--     `soviet-state`, so that longest-match-first takes them away from the
--     Petersburg Soviet. `Soviets` (note 2, the soviets in general) is another
--     word and matches nothing. `the Soviet` is not used as an alias: at
--     "the Soviet of Workers’ Deputies" it would start before the full name.
--   * Not aliases because they are ambiguous in the document: `Party` (the
--     R.S.D.L.P. in the body, but also "one party", "an independent party",
--     "the white-flag party"), `Union` (the Union of Unions in note 6, the
--     Peasant Union in note 8, "a union of free citizens" in the body),
--     `Duma` (`the Duma elections` of note 6 are not those of the Bulygin
--     Duma), `Russian` (an adjective of the people and the language too).
--   * Short forms the document never uses alone are not aliases (`Gorky`,
--     `Vorovsky`, `Petersburg`, `Collected Works`, which only the page's
--     navigation footer uses): an alias must match somewhere on its own.
--   * Lenin is an entry (the author, `V. I. Lenin`; `Lenin` in notes 2-4).
--     `Lenin` inside `Lenin Collected Works` and `Lenin Internet Archive`
--     belongs to those longer names.
--   * Stolypin and Bulygin are named only inside `Stolypin reaction` and
--     `Bulygin Duma`; they are covered by those entries and get no person
--     entry of their own (it could never be mentioned).
--   * Events: the `October revolution` of the body is, by note 5, the
--     all-Russian political strike of October 1905, which is also the
--     `general strike` the Soviet came out of (body paragraph 4); the Ninth
--     of January is note 7's `January 9`; the first Russian revolution is the
--     `1905-07 revolution` (note 7) and the `great Russian revolution` the
--     body says is under way. `Civil War` matches case-insensitively, so the
--     body's generic "any neutrals in a civil war" (paragraph 19) counts as a
--     mention too, and is its first; it is the one known false hit of this
--     catalogue, kept because note 4 names the Civil War twice.
--   * `Social-Democrats`, `Social-Democratic` and `Social-Democratic Party`
--     are forms of the R.S.D.L.P. (in 1905 the Russian Social-Democrats were
--     its members); `non-Social-Democrats` is another word and is not one.
--     `Communist Party` (note 4, the Civil War years) is the later name of
--     the Bolshevik Party. `Orthodox` (priests) is the adjective of the
--     Church.
--   * Left out, as not named or not an entity of these types: the tsar and
--     the tsar’s government (never named), the hypothetical provisional
--     revolutionary government, peasants’ committees, the congresses,
--     Marxism, Narodism, Social-Democracy, Christians, the chief of police
--     in Kronstadt.
return {
  -- author line, title and subtitle
  { id = "lenin", name = "V. I. Lenin", type = "person",
    aliases = { "Lenin" } },
  { id = "our-tasks", name = "Our Tasks and the Soviet of Workers’ Deputies", type = "work",
    aliases = { "A Letter to the Editor" }, note = 2,
    description = "an article appraising the Soviets for the first time as an organ of insurrection and the rudiments of a new revolutionary power" },

  -- header fields
  { id = "pravda", name = "Pravda", type = "periodical",
    aliases = {} },
  { id = "lenin-collected-works", name = "Lenin Collected Works", type = "work",
    aliases = { "present edition" } },
  { id = "progress-publishers", name = "Progress Publishers", type = "organization",
    aliases = {} },
  { id = "moscow", name = "Moscow", type = "place",
    aliases = {} },
  { id = "r-cymbala", name = "R. Cymbala", type = "person",
    aliases = {} },
  { id = "lenin-internet-archive", name = "Lenin Internet Archive", type = "organization",
    aliases = {} },
  { id = "marxists-internet-archive", name = "Marxists Internet Archive", type = "organization",
    aliases = {} },

  -- body
  { id = "soviet-of-workers-deputies", name = "Soviet of Workers’ Deputies", type = "organization",
    aliases = { "Soviet" } },
  { id = "st-petersburg", name = "St. Petersburg", type = "place",
    aliases = {} },
  { id = "rsdlp", name = "Russian Social-Democratic Labour Party", type = "organization",
    aliases = { "R.S.D.L.P.", "Social-Democratic Party", "Social-Democrats", "Social-Democratic" } },
  { id = "radin", name = "Radin", type = "person",
    aliases = {} },
  { id = "novaya-zhizn", name = "Novaya Zhizn", type = "periodical",
    aliases = { "New Life" }, note = 3,
    description = "the first legal Bolshevik newspaper, published daily from October 27 (November 9) to December 3 (16), 1905, in St. Petersburg" },
  { id = "october-1905-strike", name = "October revolution", type = "event",
    aliases = { "all-Russian political strike", "general strike" }, note = 5,
    description = "the all-Russian political strike in October 1905" },
  { id = "russia", name = "Russia", type = "place",
    aliases = {} },
  { id = "what-is-to-be-done", name = "What Is To Be Done?", type = "work",
    aliases = {}, note = 1 },  -- note 1 only gives its place in the edition
  { id = "black-hundreds", name = "Black Hundreds", type = "organization",
    aliases = { "Black-Hundred" } },
  { id = "socialist-revolutionary-party", name = "Socialist-Revolutionary Party", type = "organization",
    aliases = { "Socialist-Revolutionaries", "Socialist-Revolutionary" }, note = 4,
    description = "a petty-bourgeois party in Russia, which arose at the end of 1901 and beginning of 1902 as a result of the amalgamation of various Narodnik groups and circles (Socialist-Revolutionary Union, Socialist-Revolutionary Party, etc.)" },
  { id = "first-russian-revolution", name = "first Russian revolution", type = "event",
    aliases = { "1905-07 revolution", "great Russian revolution" } },
  { id = "strike-committee", name = "strike committee", type = "organization",
    aliases = {} },
  { id = "union-of-unions", name = "Union of Unions", type = "organization",
    aliases = {}, note = 6,
    description = "a political organisation of the liberal-bourgeois intelligentsia" },
  { id = "orthodox-church", name = "Church", type = "organization",
    aliases = { "Orthodox" } },
  { id = "poland", name = "Poland", type = "place",
    aliases = {} },
  { id = "kronstadt", name = "Kronstadt", type = "place",
    aliases = {} },
  -- first matched by the generic "civil war" of paragraph 19; named in note 4
  { id = "civil-war", name = "Civil War", type = "event",
    aliases = {} },
  { id = "ninth-of-january", name = "Ninth of January", type = "event",
    aliases = { "January 9" }, note = 7,
    description = "by order of the tsar, the troops fired on a peaceful demonstration of St. Petersburg unarmed workers who marched with their wives and children to the Winter Palace to present a petition to the tsar describing their intolerable conditions and utter lack of rights" },
  { id = "all-russian-peasant-union", name = "All-Russian Peasant Union", type = "organization",
    aliases = { "Peasant Union" }, note = 8,
    description = "a revolutionary-democratic organisation founded in 1905" },

  -- note 2
  { id = "stockholm", name = "Stockholm", type = "place",
    aliases = {} },

  -- note 3
  { id = "bolshevik-party", name = "Bolshevik Party", type = "organization",
    aliases = { "Bolsheviks", "Bolshevik", "Communist Party" } },
  { id = "vorovsky", name = "V. V. Vorovsky", type = "person",
    aliases = {} },
  { id = "olminsky", name = "M. S. Olminsky", type = "person",
    aliases = {} },
  { id = "lunacharsky", name = "A. V. Lunacharsky", type = "person",
    aliases = {} },
  { id = "gorky", name = "Maxim Gorky", type = "person",
    aliases = {} },

  -- note 4
  { id = "narodniks", name = "Narodnik", type = "organization",
    aliases = {} },
  { id = "socialist-revolutionary-union", name = "Socialist-Revolutionary Union", type = "organization",
    aliases = {} },
  { id = "revolutsionnaya-rossiya", name = "Revolutsionnaya Rossiya", type = "periodical",
    aliases = { "Revolutionary Russia" } },
  { id = "vestnik-russkoi-revolutsii", name = "Vestnik Russkoi Revolutsii", type = "periodical",
    aliases = { "Herald of the Russian Revolution" } },
  { id = "labour-popular-socialist-party", name = "Labour Popular-Socialist Party", type = "organization",
    aliases = {} },
  { id = "cadets", name = "Cadets", type = "organization",
    aliases = {} },
  { id = "maximalists", name = "Maximalists", type = "organization",
    aliases = {} },
  { id = "stolypin-reaction", name = "Stolypin reaction", type = "event",
    aliases = {} },
  { id = "first-world-war", name = "First World War", type = "event",
    aliases = {} },
  { id = "february-revolution", name = "February bourgeois-democratic revolution", type = "event",
    aliases = {} },
  { id = "mensheviks", name = "Mensheviks", type = "organization",
    aliases = {} },
  { id = "provisional-government", name = "Provisional Government", type = "organization",
    aliases = {} },
  { id = "kerensky", name = "Kerensky", type = "person",
    aliases = {} },
  { id = "avksentyev", name = "Avksentyev", type = "person",
    aliases = {} },
  { id = "chernov", name = "Chernov", type = "person",
    aliases = {} },
  { id = "left-socialist-revolutionaries", name = "Left Socialist-Revolutionaries", type = "organization",
    aliases = {} },
  -- the Soviet state of 1917 on; holds note 4's general uses of "Soviet"
  { id = "soviet-state", name = "Soviet state", type = "organization",
    aliases = { "Soviet power", "Soviet statesmen" } },
  { id = "foreign-military-intervention", name = "foreign military intervention", type = "event",
    aliases = {} },

  -- note 6
  { id = "bulygin-duma", name = "Bulygin Duma", type = "organization",
    aliases = {} },

  -- note 7
  { id = "winter-palace", name = "Winter Palace", type = "place",
    aliases = {} },

  -- note 8
  { id = "first-state-duma", name = "First State Duma", type = "organization",
    aliases = {} },
  { id = "crown", name = "Crown", type = "organization",
    aliases = {} },
}
