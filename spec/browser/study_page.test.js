// The HTML study page in a real browser: headless Chromium (Debian's
// /usr/bin/chromium) driven by playwright-core. Run by spec/export_spec.lua:
//   node study_page.test.js PAGE.html HOSTILE.html EXPECTED_LINES SCREENSHOT.png ['{"query": lines}']
// Prints one line per check ("ok ..." / "not ok ..."), then "N passed, N failed";
// exits non-zero when a check fails.
"use strict";
const path = require("path");
const fs = require("fs");
const os = require("os");
const { chromium } = require("playwright-core");

const [page1, hostile, expected, shot, more] = process.argv.slice(2);
// more: a JSON object: {queries: {query: lines} (other searches, as
// doc:concordance counts them), paragraphs: the body's Blocks, pages: the
// printed pages the body shows, glossary: the entries, sic: a misprint and
// corr: what is meant, cooccur: {query, matches} a co-occurrence search and
// its lines' matches, shots: a folder for more screenshots}
const want = more ? JSON.parse(more) : {};
const others = want.queries || {};
if (!page1 || !hostile || !expected) {
  console.error("usage: node study_page.test.js PAGE.html HOSTILE.html EXPECTED_LINES [SCREENSHOT.png]");
  process.exit(2);
}

let passed = 0, failed = 0;
function check(ok, what, detail) {
  if (ok) { passed++; console.log("ok " + what); }
  else { failed++; console.log("not ok " + what + (detail !== undefined ? " -- " + JSON.stringify(detail) : "")); }
}

async function open(context, file) {
  const page = await context.newPage();
  const errors = [], requests = [], dialogs = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => { if (!/^(file|data|about):/.test(r.url())) requests.push(r.url()); });
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto("file://" + path.resolve(file));
  return { context: page, page, errors, requests, dialogs };
}

async function inView(page, selector) {
  return page.$eval(selector, (e) => {
    const r = e.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  });
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "leninletter-chromium-"));
  // a fresh profile (--user-data-dir) for each run
  const b = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    // --- the letter's page
    const s = await open(b, page1);
    const { page } = s;
    check((await page.title()).length > 0, "the page has a title");
    // the margins: every block numbered, the printed pages beside the text
    const nums = await page.$$eval("main .blk > a.pn", (as) => as.map((a) => a.textContent));
    check(want.paragraphs === undefined || nums.length === want.paragraphs, "every paragraph is numbered in the margin",
      nums.length);
    check(nums.every((n, i) => n === String(i + 1)), "the margin numbers run 1, 2, 3, ...", nums.slice(0, 5));
    const pnBox = await page.$eval("#p2 > a.pn", (a) => {
      const r = a.getBoundingClientRect(), t = a.parentElement.getBoundingClientRect();
      return { right: r.right, textLeft: t.left };
    });
    check(pnBox.right <= pnBox.textLeft, "the paragraph number stands in the left margin", pnBox);
    const pages = await page.$$eval("main .pbn", (ps) => ps.map((p) => p.textContent.replace(/\s/g, " ")));
    if (want.pages) check(JSON.stringify(pages) === JSON.stringify(want.pages), "the printed pages are in the margin", pages);
    const pbBox = await page.$eval("#page-18 .pbn", (p) => {
      const r = p.getBoundingClientRect(), t = p.closest(".blk").getBoundingClientRect();
      return { left: r.left, textRight: t.right };
    }).catch(() => null);
    check(!want.pages || (pbBox && pbBox.left >= pbBox.textRight), "a page number stands in the right margin", pbBox);
    // a marker opens its note beside it (click), without leaving the text
    const marker = await page.$("main sup.ref a");
    const href = await marker.getAttribute("href");
    const markerId = await marker.getAttribute("id");
    const num = await marker.getAttribute("data-note");
    await marker.click();
    await page.waitForTimeout(100);
    check(await page.$eval("#pop", (e) => !e.hidden), "clicking a marker opens its note");
    const popText = await page.textContent("#pop");
    const noteText = await page.textContent(href + " p.blk");
    check(popText.includes("Note " + num) && popText.includes(noteText.replace(/^\d+/, "").slice(0, 40)),
      "the box shows the note's number and text", popText.slice(0, 120));
    check(await page.$eval("#" + markerId, (a) => a.getAttribute("aria-expanded")) === "true", "the marker says it is expanded");
    check(new URL(page.url()).hash === "", "opening a note does not leave the text", page.url());
    // its link goes to the note, and the note's back link returns
    await page.click("#pop .pop-links a");
    await page.waitForTimeout(100);
    check(new URL(page.url()).hash === href, "the box's link goes to the note", page.url());
    check(await inView(page, href), "the note is on screen after following the link");
    check(await page.$eval("#pop", (e) => e.hidden), "following the link closes the box");
    const back = await page.$(href + " a.backref[href='#" + markerId + "']");
    check(back !== null, "the note links back to its marker");
    if (back) {
      await back.click();
      await page.waitForTimeout(100);
      check(new URL(page.url()).hash === "#" + markerId, "the back link returns to the marker", page.url());
      check(await inView(page, "#" + markerId), "the marker is on screen after the back link");
    }
    // an entity opens its explanation on a click, and on the keyboard
    const ent = "main .ent[data-entity='" + (want.entity || "novaya-zhizn") + "']";
    await page.click(ent);
    await page.waitForTimeout(50);
    const entPop = await page.textContent("#pop .body");
    check(await page.$eval("#pop", (e) => !e.hidden) && entPop.includes(want.entityName || "Novaya Zhizn"),
      "clicking a name opens what the notes say of it", entPop.slice(0, 160));
    check(!want.entityNote || entPop.includes("Note " + want.entityNote), "the box quotes the note that explains it",
      entPop.slice(0, 200));
    await page.keyboard.press("Escape");
    check(await page.$eval("#pop", (e) => e.hidden), "Escape closes the box");
    check(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), ent),
      "the focus goes back to the name");
    await page.focus("main .ent[data-entity]");
    await page.keyboard.press("Enter");
    await page.waitForTimeout(50);
    check(await page.$eval("#pop", (e) => !e.hidden), "Enter on a focused name opens its box");
    await page.keyboard.press("Escape");
    await page.focus("main sup.ref a");
    await page.keyboard.press(" ");
    await page.waitForTimeout(50);
    check(await page.$eval("#pop", (e) => !e.hidden) && (await page.textContent("#pop")).includes("Note "),
      "Space on a focused marker opens its note");
    await page.keyboard.press("Escape");
    const tabbable = await page.$$eval("main .ent[data-entity][tabindex='0']", (es) => es.length);
    check(tabbable > 0, "the names can be reached with Tab", tabbable);
    // a misprint shows as printed, with what is meant
    if (want.sic) {
      const e = await page.$$eval("main .erratum", (es) => es.map((x) => [x.querySelector(".sic").textContent,
        x.querySelector(".corr").textContent]));
      check(e.some(([a, b]) => a === want.sic && b === want.corr), "a misprint shows as printed and as meant", e.slice(0, 3));
    }
    // the glossary: people, parties, periodicals, events, with their notes
    if (want.glossary) {
      const dts = await page.$$eval("#glossary dt", (ds) => ds.length);
      check(dts === want.glossary, "the glossary has an entry for each name in the text", dts);
      const heads = await page.$$eval("#glossary h3", (hs) => hs.map((h) => h.textContent));
      check(heads.includes("People") && heads.includes("Parties and organisations") && heads.includes("Periodicals")
        && heads.includes("Events"), "the glossary has people, parties, periodicals and events", heads);
      const nz = await page.textContent("#g-novaya-zhizn + dd");
      check(nz.includes("Note 3") && nz.includes("the first legal Bolshevik newspaper"),
        "a glossary entry carries its note", nz.slice(0, 200));
    }
    // live concordance
    await page.fill("#search", "Soviet");
    await page.waitForTimeout(100);
    const lines = await page.$$eval("#conc-lines tr.line", (rs) => rs.length);
    check(lines === Number(expected), "searching Soviet shows " + expected + " concordance lines", lines);
    const count = await page.textContent("#conc-count");
    check(count.startsWith(expected + " lines"), "the line count is written above the lines", count);
    const matchesOk = await page.$$eval("#conc-lines td.match", (ts) => ts.every((t) => /^soviet$/i.test(t.textContent)));
    check(matchesOk, "every concordance line's match is the word searched");
    for (const [q, n] of Object.entries(others)) {
      await page.fill("#search", q);
      await page.waitForTimeout(50);
      const got = await page.$$eval("#conc-lines tr.line", (rs) => rs.length);
      check(got === n, "searching " + q + " shows " + n + " lines, as doc:concordance", got);
    }
    // a co-occurrence: a line a sentence, from the first match to the last
    if (want.cooccur) {
      await page.fill("#search", want.cooccur.query);
      await page.waitForTimeout(50);
      const cms = await page.$$eval("#conc-lines td.match", (ts) => ts.map((t) => t.textContent));
      check(JSON.stringify(cms) === JSON.stringify(want.cooccur.matches),
        "searching " + want.cooccur.query + " shows each sentence's span, as doc:concordance", cms);
    }
    // variants: Black Hundreds finds Black-Hundred, tsar finds tsar’s
    await page.fill("#search", "Black Hundreds");
    await page.waitForTimeout(50);
    let ms = await page.$$eval("#conc-lines td.match", (ts) => ts.map((t) => t.textContent));
    check(ms.includes("Black-Hundred") && ms.includes("Black Hundreds"), "Black Hundreds also finds Black-Hundred",
      [...new Set(ms)]);
    await page.fill("#search", "tsar");
    await page.waitForTimeout(50);
    ms = await page.$$eval("#conc-lines td.match", (ts) => ts.map((t) => t.textContent));
    check(ms.includes("tsar\u2019s") && ms.includes("tsar"), "tsar also finds tsar\u2019s", [...new Set(ms)]);
    // each line cites its paragraph and page; the lines sort by context
    await page.fill("#search", "Soviet");
    await page.waitForTimeout(50);
    const first = await page.textContent("#conc-lines tr.line td.where");
    check(!want.firstWhere || first === want.firstWhere, "a concordance line cites its paragraph and page", first);
    const placeOrder = await page.$$eval("#conc-lines td.right", (ts) => ts.map((t) => t.textContent));
    await page.click("#concordance button[data-sort='right']");
    await page.waitForTimeout(50);
    const rights = await page.$$eval("#conc-lines td.right", (ts) => ts.map((t) =>
      t.textContent.toLowerCase().replace(/^[^\p{L}\p{N}]+/u, "")));
    const isSorted = rights.every((r, i) => i === 0 || rights[i - 1] <= r);
    check(isSorted && JSON.stringify(rights) !== JSON.stringify(placeOrder), "the concordance sorts by the right context",
      rights.slice(0, 4));
    await page.click("#concordance button[data-sort='left']");
    await page.waitForTimeout(50);
    const lefts = await page.$$eval("#conc-lines td.left", (ts) => ts.map((t) =>
      Array.from(t.textContent.toLowerCase()).reverse().join("")));
    check(lefts.every((r, i) => i === 0 || lefts[i - 1] <= r), "the concordance sorts by the left context",
      lefts.slice(0, 3));
    await page.click("#concordance button[data-sort='place']");
    await page.waitForTimeout(50);
    const back2 = await page.$$eval("#conc-lines td.right", (ts) => ts.map((t) => t.textContent));
    check(JSON.stringify(back2) === JSON.stringify(placeOrder), "and back in the text's order");
    await page.fill("#search", "");
    await page.waitForTimeout(50);
    check(await page.$eval("#concordance", (e) => e.hidden), "an empty search hides the concordance");
    // quiz mode: a right answer and a wrong one are marked
    await page.click("#mode-quiz");
    check(await page.$eval("#quiz", (e) => !e.hidden), "the quiz button shows the quiz");
    const qs = await page.evaluate(() => JSON.parse(document.getElementById("leninletter-data").textContent).questions);
    check(qs.length > 0, "the page carries questions", qs.length);
    let wrongLink = null;
    // the questions shown: a set drawn from the page's pool (div #qK, data-question the pool's index)
    const shown = await page.$$eval("#quiz-list .q", (ds) => ds.map((d) => [d.id.slice(1), Number(d.getAttribute("data-question"))]));
    check(shown.length > 0 && shown.length <= 10, "the quiz shows a set of questions", shown.length);
    const withChoices = shown.map(([k, qi]) => [qs[qi], k]).filter(([q]) => q.choices.length > 0);
    const cloze = shown.map(([k, qi]) => [qs[qi], k]).filter(([q]) => q.choices.length === 0);
    if (withChoices.length >= 2) {
      const [q1, i1] = withChoices[0];
      const buttons = await page.$$("#q" + i1 + " button.choice");
      const rightAt = q1.choices.indexOf(q1.answer);
      await buttons[rightAt].click();
      check(await page.$eval("#q" + i1, (e) => e.classList.contains("right")), "the right choice is marked right");
      const [q2, i2] = withChoices[1];
      const wrongAt = q2.choices.findIndex((c) => c !== q2.answer);
      await (await page.$$("#q" + i2 + " button.choice"))[wrongAt].click();
      check(await page.$eval("#q" + i2, (e) => e.classList.contains("wrong")), "a wrong choice is marked wrong");
      const fb = await page.textContent("#q" + i2 + " .feedback");
      check(fb.includes(q2.answer), "a wrong answer is told the right one", fb);
      const pl = await page.$("#q" + i2 + " .feedback a.passage-link");
      check(pl !== null, "a wrong answer links the passage it came from", fb);
      if (pl) {
        const target = await pl.getAttribute("href");
        const passage = await page.textContent("#q" + i2 + " .feedback q");
        const blockText = await page.textContent(target);
        check(passage.length > 20 && blockText.includes(passage.slice(0, 30)), "the passage is the source's text",
          [passage.slice(0, 60), target]);
        wrongLink = target;
      }
    } else {
      check(false, "the page has two multiple-choice questions", withChoices.length);
    }
    if (cloze.length >= 1) {
      const [q3, i3] = cloze[0];
      await page.fill("#q" + i3 + " input", q3.answer.toUpperCase());
      await page.click("#q" + i3 + " button.check");
      check(await page.$eval("#q" + i3, (e) => e.classList.contains("right")), "a typed cloze answer is marked right");
    }
    const score = await page.textContent("#quiz-score");
    check(/^\d+ right of 3 answered/.test(score), "the score counts the answers", score);
    if (shot && want.shots) await page.screenshot({ path: want.shots + "/quiz.png", fullPage: false });
    // Try again: the same questions, unanswered; New questions: another set
    const setBefore = await page.$$eval("#quiz-list .q", (qs) => qs.map((q) => q.getAttribute("data-question")));
    await page.click("#quiz-retry");
    const setAgain = await page.$$eval("#quiz-list .q", (qs) => qs.map((q) => q.getAttribute("data-question")));
    check(JSON.stringify(setBefore) === JSON.stringify(setAgain) &&
      (await page.$$("#quiz-list .q.right, #quiz-list .q.wrong")).length === 0 &&
      /^0 right of 0 answered/.test(await page.textContent("#quiz-score")), "Try again clears the answers, same questions");
    await page.click("#quiz-new");
    const setNew = await page.$$eval("#quiz-list .q", (qs) => qs.map((q) => q.getAttribute("data-question")));
    check(setNew.length === setBefore.length && JSON.stringify(setNew.slice().sort()) !== JSON.stringify(setBefore.slice().sort()),
      "New questions gives another set", [setBefore, setNew]);
    // the wrong answer's passage link goes back to the text, there
    if (wrongLink) {
      await page.click("#quiz-retry");
      await page.click("#mode-quiz");
      // answer the first multiple-choice question wrongly again and follow its passage
      const q0 = await page.$("#quiz-list .q .choices");
      if (q0) {
        const qi = Number(await page.$eval("#quiz-list .q:has(.choices)", (d) => d.getAttribute("data-question")));
        const q = qs[qi];
        const wrongAt = q.choices.findIndex((c) => c !== q.answer);
        await (await page.$$("#quiz-list .q:has(.choices) button.choice"))[wrongAt].click();
        const link2 = await page.$("#quiz-list .q.wrong a.passage-link");
        const t2 = link2 && await link2.getAttribute("href");
        if (link2) await link2.click();
        await page.waitForTimeout(100);
        check(t2 && await page.$eval("#quiz", (e) => e.hidden) && await inView(page, t2),
          "the passage link shows the passage in the text", t2);
      }
    }
    if (shot) {
      await page.click("#mode-read");
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.fill("#search", "Black Hundreds");
      await page.waitForTimeout(100);
      await page.screenshot({ path: shot, fullPage: false });
      await page.fill("#search", "");
    }
    check(s.errors.length === 0, "no console errors", s.errors);
    check(s.requests.length === 0, "no network requests", s.requests);
    await s.context.close();

    // --- a phone: the text first, nothing wider than the screen, a tap opens a name's box
    const pctx = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    try {
      const pc = await pctx.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true,
        deviceScaleFactor: 1 });
      const pp = await pc.newPage();
      const perrors = [];
      pp.on("pageerror", (e) => perrors.push(String(e)));
      pp.on("console", (m) => { if (m.type() === "error") perrors.push(m.text()); });
      await pp.goto("file://" + path.resolve(page1));
      const order = await pp.evaluate(() => {
        const top = (sel) => document.querySelector(sel).getBoundingClientRect().top + window.scrollY;
        return { text: top("main"), tools: top("nav.tools"), notes: top("#notes") };
      });
      check(order.text < order.tools && order.text < order.notes, "on a phone the text comes before the tools", order);
      const firstText = await pp.$eval("#p1", (p) => p.getBoundingClientRect().top);
      check(firstText < 740, "on a phone the text starts on the first screen", firstText);
      const wide = await pp.evaluate(() => document.documentElement.scrollWidth);
      check(wide <= 375, "on a phone nothing is wider than the screen", wide);
      await pp.tap("main .ent[data-entity]");
      await pp.waitForTimeout(100);
      check(await pp.$eval("#pop", (e) => !e.hidden), "a tap on a name opens its box");
      const popBox = await pp.$eval("#pop", (e) => { const r = e.getBoundingClientRect(); return [r.left, r.right]; });
      check(popBox[0] >= 0 && popBox[1] <= 375, "the box fits the phone's screen", popBox);
      if (want.shots) await pp.screenshot({ path: want.shots + "/phone.png" });
      check(perrors.length === 0, "no console errors on the phone", perrors);
      await pc.close();
    } finally {
      await pctx.close();
    }

    // --- a hostile page stays inert
    const h = await open(b, hostile);
    await h.page.waitForTimeout(200);
    const scripts = await h.page.$$eval("script", (ss) => ss.length);
    check(scripts === 2, "the hostile page has only the page's own two scripts", scripts);
    check(await h.page.evaluate(() => window.__pwned === undefined), "no text of the hostile page ran");
    check((await h.page.$$("img")).length === 0, "no element came from the hostile text");
    check(h.dialogs.length === 0, "no dialog opened", h.dialogs);
    const text = await h.page.textContent("main");
    check(text.includes("<script>") && text.includes("]]>"), "the hostile text shows as text");
    await h.page.fill("#search", "script");
    await h.page.waitForTimeout(100);
    const hl = await h.page.$$eval("#conc-lines tr.line", (rs) => rs.length);
    check(hl > 0, "searching the hostile page works", hl);
    check(h.errors.length === 0, "no console errors on the hostile page", h.errors);
    check(h.requests.length === 0, "no network requests from the hostile page", h.requests);
    await h.context.close();
  } catch (e) {
    check(false, "the browser run", String(e && e.stack || e));
  } finally {
    await b.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(passed + " passed, " + failed + " failed");
  process.exit(failed === 0 ? 0 : 1);
})();
