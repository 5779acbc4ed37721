-- leninletter: what the quizzes know of the letter's entities beyond the
-- catalogue (data/entities.lua), by the catalogue's ids: their era, a finer
-- kind, what they lie in, and which are the page's furniture. Plain data;
-- edited by hand. Kept apart from the catalogue so that an Entity and
-- `ll.catalogue()` hold exactly their documented fields.
--
-- Fields (all optional):
--   * from, to: the years the entity existed as what the catalogue names (an
--     organisation from its founding to its end, a periodical's years, an
--     event's, a person's life; a work from the year it was written; no `to`
--     while it lasted beyond the documents). The quizzes offer as
--     distractors only entities of the question's era: no 1917 Provisional
--     Government as a choice in a sentence of 1905.
--   * class: a finer kind within the type ("party", "body", "state",
--     "institution", "movement" for organisations; "city", "country",
--     "building" for places): distractors are of the answer's class.
--   * within: the id of the entity this one lies in or belongs to (the
--     Winter Palace in St. Petersburg; the Bolsheviks and the Mensheviks,
--     factions of the R.S.D.L.P. from 1903; the Maximalists, the Popular
--     Socialists and the Left Socialist-Revolutionaries, wings of the
--     Socialist-Revolutionary Party before they split): the one is never a
--     distractor for the other (true at a finer or a coarser grain), and a
--     prompt that names a place gives away the place it lies in.
--   * furniture = true: the page's own apparatus (its edition, publisher,
--     transcriber, archives), never a quiz's answer or choice.
-- spec/quiz_rules_spec.lua checks that every id is the catalogue's.
return {
  ["lenin"] = { from = 1870, to = 1924 },
  ["our-tasks"] = { from = 1905 },
  ["pravda"] = { from = 1912 },
  ["lenin-collected-works"] = { furniture = true },
  ["progress-publishers"] = { furniture = true },
  ["moscow"] = { class = "city" },
  ["r-cymbala"] = { furniture = true },
  ["lenin-internet-archive"] = { furniture = true },
  ["marxists-internet-archive"] = { furniture = true },
  ["soviet-of-workers-deputies"] = { class = "body", from = 1905, to = 1905 },
  ["st-petersburg"] = { class = "city" },
  ["rsdlp"] = { class = "party", from = 1898, to = 1918 },
  ["radin"] = { from = 1878, to = 1911 },
  ["novaya-zhizn"] = { from = 1905, to = 1905 },
  ["october-1905-strike"] = { from = 1905, to = 1905 },
  ["russia"] = { class = "country" },
  ["what-is-to-be-done"] = { from = 1902 },
  ["black-hundreds"] = { class = "party", from = 1905, to = 1917 },
  ["socialist-revolutionary-party"] = { class = "party", from = 1901, to = 1922 },
  ["first-russian-revolution"] = { from = 1905, to = 1907 },
  ["strike-committee"] = { class = "body", from = 1905, to = 1905 },
  ["union-of-unions"] = { class = "body", from = 1905, to = 1906 },
  ["orthodox-church"] = { class = "institution" },
  ["poland"] = { class = "country" },
  ["kronstadt"] = { class = "city" },
  ["civil-war"] = { from = 1918, to = 1922 },
  ["ninth-of-january"] = { from = 1905, to = 1905 },
  ["all-russian-peasant-union"] = { class = "body", from = 1905, to = 1906 },
  ["stockholm"] = { class = "city" },
  ["bolshevik-party"] = { class = "party", from = 1903, within = "rsdlp" },
  ["vorovsky"] = { from = 1871, to = 1923 },
  ["olminsky"] = { from = 1863, to = 1933 },
  ["lunacharsky"] = { from = 1875, to = 1933 },
  ["gorky"] = { from = 1868, to = 1936 },
  ["narodniks"] = { class = "movement", from = 1860, to = 1901 },
  ["socialist-revolutionary-union"] = { class = "party", from = 1896, to = 1902 },
  ["revolutsionnaya-rossiya"] = { from = 1900, to = 1905 },
  ["vestnik-russkoi-revolutsii"] = { from = 1901, to = 1905 },
  ["labour-popular-socialist-party"] = { class = "party", from = 1906, to = 1918, within = "socialist-revolutionary-party" },
  ["cadets"] = { class = "party", from = 1905, to = 1917 },
  ["maximalists"] = { class = "party", from = 1904, to = 1920, within = "socialist-revolutionary-party" },
  ["stolypin-reaction"] = { from = 1907, to = 1910 },
  ["first-world-war"] = { from = 1914, to = 1918 },
  ["february-revolution"] = { from = 1917, to = 1917 },
  ["mensheviks"] = { class = "party", from = 1903, to = 1921, within = "rsdlp" },
  ["provisional-government"] = { class = "state", from = 1917, to = 1917 },
  ["kerensky"] = { from = 1881, to = 1970 },
  ["avksentyev"] = { from = 1878, to = 1943 },
  ["chernov"] = { from = 1873, to = 1952 },
  ["left-socialist-revolutionaries"] = { class = "party", from = 1917, to = 1922, within = "socialist-revolutionary-party" },
  ["soviet-state"] = { class = "state", from = 1917 },
  ["foreign-military-intervention"] = { from = 1918, to = 1922 },
  ["bulygin-duma"] = { class = "state", from = 1905, to = 1905 },
  ["winter-palace"] = { class = "building", within = "st-petersburg" },
  ["first-state-duma"] = { class = "state", from = 1906, to = 1906 },
  ["crown"] = { class = "institution" },
}
