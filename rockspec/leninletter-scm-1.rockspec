rockspec_format = "3.0"
package = "leninletter"
version = "scm-1"
source = {
   url = "git+file:///leninletter",
}
description = {
   summary = "Lenin's 1905 letter, and any Marxists Internet Archive page, as a structured document to study from Lua",
   detailed = [[
The letter "Our Tasks and the Soviet of Workers' Deputies" (1905), as the
Marxists Internet Archive publishes it, compiled into the module: header,
paragraphs, sentences, words, footnotes and where they are cited, page
breaks, entities and dates, with concordances, frequencies, n-grams,
collocations, quizzes and exports. Any archive page, plain text or HTML,
parses the same way.
]],
   license = "MIT",
   labels = { "text", "corpus", "digital-humanities" },
}
-- lpeg is optional (LPeg patterns as queries); lua-cjson is needed by the
-- JSON and Pandoc exports. Where Debian provides them (lua-lpeg, lua-cjson)
-- outside LuaRocks, install with `luarocks make --deps-mode=none`.
dependencies = {
   "lua >= 5.1, < 5.5",
   "lpeg >= 1.0",
   "lua-cjson >= 2.1",
}
external_dependencies = {
   UTF8PROC = { header = "utf8proc.h", library = "utf8proc" },
   LIBXML2 = { header = "libxml2/libxml/HTMLparser.h", library = "xml2" },
   STEMMER = { header = "libstemmer.h", library = "stemmer" },
}
build = {
   type = "builtin",
   modules = {
      -- the core links no libxml2 (nor the ICU and C++ libraries it brings:
      -- a millisecond of every start-up) nor libstemmer (0.2 ms); the HTML
      -- reader is a module of its own, required by the core when it first
      -- reads an HTML page, with its own copies of the library files it
      -- calls (csrc/binding/lhtml.c says why they never clash), and so is
      -- the stemmer, required at the first query that stems
      ["leninletter.core"] = {
         sources = {
            "csrc/binding/lcore.c", "csrc/lib/llmem.c", "csrc/lib/llutf8.c", "csrc/lib/llbuild.c", "csrc/lib/llpage.c",
            "csrc/lib/llsent.c", "csrc/lib/llcite.c", "csrc/lib/llindex.c", "csrc/lib/lldate.c", "csrc/lib/llentity.c", "csrc/lib/llrand.c",
            "csrc/lib/lldir.c", "csrc/lib/llread.c", "csrc/lib/llwordnet.c", "csrc/lib/llstore.c",
         },
         incdirs = { "csrc/lib", "csrc/gen", "$(UTF8PROC_INCDIR)" },
         libdirs = { "$(UTF8PROC_LIBDIR)" },
         libraries = { "utf8proc" },
      },
      ["leninletter.html"] = {
         sources = {
            "csrc/binding/lhtml.c", "csrc/lib/llhtml.c", "csrc/lib/llbuild.c", "csrc/lib/llpage.c", "csrc/lib/llsent.c",
            "csrc/lib/llcite.c", "csrc/lib/llutf8.c", "csrc/lib/llmem.c",
         },
         incdirs = { "csrc/lib", "$(UTF8PROC_INCDIR)", "$(LIBXML2_INCDIR)/libxml2" },
         libdirs = { "$(UTF8PROC_LIBDIR)", "$(LIBXML2_LIBDIR)" },
         libraries = { "xml2", "utf8proc" },
      },
      ["leninletter.stem"] = {
         sources = { "csrc/binding/lstem.c", "csrc/lib/llstem.c" },
         incdirs = { "csrc/lib", "$(UTF8PROC_INCDIR)", "$(STEMMER_INCDIR)" },
         libdirs = { "$(STEMMER_LIBDIR)" },
         libraries = { "stemmer" },
      },
      ["leninletter"] = "lua/leninletter/init.lua",
      ["leninletter.compat"] = "lua/leninletter/compat.lua",
      ["leninletter.compatutf8"] = "lua/leninletter/compatutf8.lua",
      ["leninletter.base"] = "lua/leninletter/base.lua",
      ["leninletter.corpusbase"] = "lua/leninletter/corpusbase.lua",
      ["leninletter.querymore"] = "lua/leninletter/querymore.lua",
      ["leninletter.cli"] = "lua/leninletter/cli.lua",
      ["leninletter.command"] = "lua/leninletter/command.lua",
      ["leninletter.indexwrite"] = "lua/leninletter/indexwrite.lua",
      ["leninletter.document"] = "lua/leninletter/document.lua",
      ["leninletter.query"] = "lua/leninletter/query.lua",
      ["leninletter.files"] = "lua/leninletter/files.lua",
      ["leninletter.corpus"] = "lua/leninletter/corpus.lua",
      ["leninletter.index"] = "lua/leninletter/index.lua",
      ["leninletter.entities"] = "lua/leninletter/entities.lua",
      ["leninletter.propose"] = "lua/leninletter/propose.lua",
      ["leninletter.dates"] = "lua/leninletter/dates.lua",
      ["leninletter.catalogue"] = "lua/leninletter/catalogue.lua",
      ["leninletter.entities_data"] = "data/entities.lua",
      ["leninletter.errata"] = "lua/leninletter/errata.lua",
      ["leninletter.errata_data"] = "data/errata.lua",
      ["leninletter.quiz"] = "lua/leninletter/quiz.lua",
      ["leninletter.lexicon"] = "lua/leninletter/lexicon.lua",
      ["leninletter.theses_data"] = "data/theses.lua",
      ["leninletter.entity_eras"] = "data/entity_eras.lua",
      ["leninletter.archive_words"] = "data/archive_words.lua",
      ["leninletter.export"] = "lua/leninletter/export.lua",
      ["leninletter.export.common"] = "lua/leninletter/export/common.lua",
      ["leninletter.export.text"] = "lua/leninletter/export/text.lua",
      ["leninletter.export.json"] = "lua/leninletter/export/json.lua",
      ["leninletter.export.markdown"] = "lua/leninletter/export/markdown.lua",
      ["leninletter.export.pandoc"] = "lua/leninletter/export/pandoc.lua",
      ["leninletter.export.tei"] = "lua/leninletter/export/tei.lua",
      ["leninletter.export.gift"] = "lua/leninletter/export/gift.lua",
      ["leninletter.export.moodle"] = "lua/leninletter/export/moodle.lua",
      ["leninletter.export.questions"] = "lua/leninletter/export/questions.lua",
      ["leninletter.export.anki"] = "lua/leninletter/export/anki.lua",
      ["leninletter.export.csv"] = "lua/leninletter/export/csv.lua",
      ["leninletter.export.html"] = "lua/leninletter/export/html.lua",
      ["leninletter.export.studypage"] = "lua/leninletter/export/studypage.lua",
      ["leninletter.plot"] = "lua/leninletter/plot.lua",
   },
   -- the man page, man/leninletter.1, in the rock's directory (luarocks
   -- has no man tree; `make install` puts it in PREFIX/share/man/man1)
   copy_directories = { "man" },
   install = {
      bin = { leninletter = "bin/leninletter" },
      -- the built-in English stop list, found beside query.lua, and the
      -- study page's style sheet and script (leninletter/studypage/page.css
      -- and page.js), read by leninletter.export.studypage
      lua = {
         ["leninletter.stopwords"] = "data/stopwords.txt",
         ["leninletter.studypage.css"] = "data/studypage/page.css",
         ["leninletter.studypage.js"] = "data/studypage/page.js",
      },
   },
}
-- `luarocks test` runs spec/run.lua with this Lua: `make spec` for it, with
-- Debian's busted (the busted test type would want busted as a rock)
test = {
   type = "command",
   script = "spec/run.lua",
}
