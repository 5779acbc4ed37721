-- leninletter errata: the misprints of "Our Tasks and the Soviet of Workers’
-- Deputies" as the Marxists Internet Archive prints it (data/letter.txt), and
-- what is meant. Plain data; edited by hand, beside the entity catalogue
-- (data/entities.lua). The letter's Documents carry it as `doc.errata`;
-- the TEI and HTML exports show each as sic/corr, and the quiz never takes
-- a misprint for an answer.
--
-- Each entry: part ("body" or "note"), paragraph (the Block's index: in
-- doc.paragraphs for the body, in the note's paragraphs for a note), note
-- (the note's number, for notes), pos and len (1-based byte position and
-- byte length in that Block's text), sic (the text at pos, as printed), corr
-- (what is meant), why. Entries run in document order. spec/errata_spec.lua
-- checks that every sic stands where it says, once.
return {
  { part = "body", paragraph = 5, pos = 1322, len = 9, sic = "tire less", corr = "tireless",
    why = "one word split in two; the letter writes \"tireless\" in paragraphs 9 and 15" },
  { part = "body", paragraph = 6, pos = 634, len = 10, sic = "forth with", corr = "forthwith",
    why = "one word split in two" },
  { part = "body", paragraph = 8, pos = 519, len = 21, sic = "counter revolutionary", corr = "counter-revolutionary",
    why = "the hyphen of the compound is missing; the same paragraph writes \"counter-revolution\"" },
  { part = "body", paragraph = 10, pos = 1675, len = 1, sic = "i", corr = "is",
    why = "a letter dropped: \"the Soviet is, and must be, a militant organisation\"" },
  { part = "body", paragraph = 13, pos = 399, len = 22, sic = "politically- conscious", corr = "politically-conscious",
    why = "a space after the hyphen of the compound (a line-end hyphen kept); \"politically-conscious\" in paragraph 15" },
  { part = "body", paragraph = 13, pos = 1337, len = 11, sic = "every where", corr = "everywhere",
    why = "one word split in two" },
  { part = "body", paragraph = 13, pos = 1951, len = 14, sic = "exploitation..", corr = "exploitation.",
    why = "the full stop doubled" },
  { part = "body", paragraph = 14, pos = 403, len = 12, sic = "pro claiming", corr = "proclaiming",
    why = "one word split in two" },
  { part = "body", paragraph = 16, pos = 115, len = 12, sic = "— citizens", corr = "—citizens",
    why = "a space after the dash that closes the aside (\"Citizens—it would be proper to say ... —citizens\"); "
      .. "the opening dash has none" },
  { part = "body", paragraph = 17, pos = 545, len = 6, sic = "every,", corr = "every",
    why = "a stray comma between \"every\" and the noun it qualifies (\"every step and every decision\")" },
  { part = "note", note = 2, paragraph = 1, pos = 233, len = 2, sic = "In", corr = "in",
    why = "a capital in mid-sentence: \"early in November 1905 in Stockholm\"" },
  { part = "note", note = 4, paragraph = 1, pos = 553, len = 10, sic = "proprietor", corr = "proprietor.",
    why = "the full stop before the next sentence (\"They glossed over ...\") is missing" },
  { part = "note", note = 4, paragraph = 1, pos = 906, len = 15, sic = "’criticism’", corr = "‘criticism’",
    why = "the opening quotation mark is a closing one (’ for ‘)" },
  { part = "note", note = 4, paragraph = 4, pos = 184, len = 2, sic = "he", corr = "be",
    why = "a misprint for \"be\": \"the rule of capital could not be eliminated\"" },
  { part = "note", note = 4, paragraph = 5, pos = 524, len = 15, sic = "semi- anarchist", corr = "semi-anarchist",
    why = "a space after the hyphen of the compound (a line-end hyphen kept)" },
  { part = "note", note = 6, paragraph = 1, pos = 468, len = 4, sic = "1900", corr = "1906",
    why = "the Union of Unions was founded in May 1905 (as the note says) and fell apart by the end of 1906" },
}
