-- leninletter: questions on the theses of "Our Tasks and the Soviet of
-- Workers’ Deputies", written by hand as a history teacher would set them,
-- beside the entity catalogue (data/entities.lua). The quizzes mix them into
-- their multiple-choice questions (`quiz.choice`; `quiz.theses` gives them
-- alone) for any page whose text holds their passages.
--
-- Each entry:
--   * id: a stable ASCII slug (the question's id is "thesis-" .. id).
--   * prompt: the question.
--   * answer: the one right answer.
--   * distractors: wrong answers of the answer's own kind, none of them
--     true by the letter.
--   * passage: the letter's own words the answer rests on, copied exactly
--     from one body paragraph (the quiz finds it in the text, so it cannot
--     drift; spec/quiz_spec.lua checks that every passage is there).
--   * explanation: what a student should take away (the feedback, with the
--     passage and where it stands).
--   * tags: topic tags (no spaces).
return {
  { id = "soviet-or-party",
    prompt = "Comrade Radin asked: the Soviet of Workers’ Deputies or the Party? What does Lenin answer?",
    answer = "Both the Soviet and the Party: the question is how to divide and combine their tasks",
    distractors = {
      "The Party: the Soviet should be dissolved into the R.S.D.L.P.",
      "The Soviet: the Party should merge into it",
      "Neither: a congress of the unions should replace them both",
    },
    passage = "I think that it is wrong to put the question in this way and that the decision must certainly be: both the Soviet of Workers’ Deputies and the Party.",
    explanation = "Lenin rejects Radin’s either-or: the Soviet and the Russian Social-Democratic Labour Party are both needed, and the only question is how to divide, and how to combine, their tasks.",
    tags = { "soviet-and-party" } },

  { id = "no-one-party",
    prompt = "Should the Soviet of Workers’ Deputies, in Lenin’s view, adhere to one party?",
    answer = "No: it would be inadvisable for it to adhere wholly to any one party",
    distractors = {
      "Yes: it should join the Russian Social-Democratic Labour Party",
      "Yes: it should join whichever party holds most of its seats",
      "Only after it has adopted the Socialist-Revolutionary programme",
    },
    passage = "I think it would be inadvisable for the Soviet to adhere wholly to any one party.",
    explanation = "The Soviet came out of the general strike of the whole proletariat, non-Social-Democrats included; Lenin, expecting to surprise his readers, wants it to stay open to all who fight, while the Party keeps its own independence.",
    tags = { "soviet-and-party" } },

  { id = "born-of-strike",
    prompt = "How, according to Lenin, did the Soviet of Workers’ Deputies come into being?",
    answer = "Through the general strike, in connection with it and for its aims",
    distractors = {
      "By decree of the tsar’s October Manifesto",
      "As a committee elected by the State Duma",
      "As a branch founded by the Social-Democratic Party",
    },
    passage = "The Soviet of Workers’ Deputies came into being through the general strike, in connection with the strike, and for its aims.",
    explanation = "The St. Petersburg Soviet grew out of the all-Russian political strike of October 1905, led by the whole proletariat; that origin is why Lenin will not tie it to one party.",
    tags = { "soviet-and-party", "october-strike" } },

  { id = "not-the-programme",
    prompt = "Should the Party demand that the Soviet accept the Social-Democratic programme and join the R.S.D.L.P.?",
    answer = "No: for the political struggle both the Soviet and the Party are needed, to an equal degree",
    distractors = {
      "Yes: otherwise the Soviet cannot lead the political struggle",
      "Yes, but only once the strike is over",
      "No: the Party should leave political leadership to the Soviet alone",
    },
    passage = "I think it inadvisable to demand that the Soviet of Workers’ Deputies should accept the Social-Democratic programme and join the Russian Social-Democratic Labour Party.",
    explanation = "Even in political leadership Lenin keeps the two apart: the Soviet (reorganised) and the Party are, to an equal degree, absolutely necessary.",
    tags = { "soviet-and-party" } },

  { id = "embryo",
    prompt = "What, politically, should the Soviet of Workers’ Deputies be regarded as?",
    answer = "The embryo of a provisional revolutionary government",
    distractors = {
      "A trade union of all occupations, outside politics",
      "A strike committee, to be wound up when the strike ends",
      "An electoral committee for the State Duma",
    },
    passage = "politically the Soviet of Workers’ Deputies should be regarded as the embryo of a provisional revolutionary government",
    explanation = "The letter’s central thesis: the Soviet, an organ of the uprising, is the germ of a new revolutionary power (note 2: the first time Lenin appraised the Soviets so).",
    tags = { "provisional-government" } },

  { id = "proclaim",
    prompt = "What should the Soviet do “as early as possible”?",
    answer = "Proclaim itself the provisional revolutionary government of the whole of Russia, or set one up",
    distractors = {
      "Petition the tsar to convene a State Duma",
      "Hand its authority to the Party’s Central Committee",
      "Negotiate a constitution with the liberal bourgeoisie",
    },
    passage = "I think the Soviet should proclaim itself the provisional revolutionary government of the whole of Russia as early as possible, or should set up a provisional revolutionary government",
    explanation = "Lenin asks the Soviet to take power in its own name: the tsar’s government can no longer suppress the revolution, and what is lacking is an all-Russian political centre.",
    tags = { "provisional-government" } },

  { id = "too-narrow",
    prompt = "As a revolutionary centre providing political leadership, is the Soviet too broad or too narrow, for Lenin?",
    answer = "Much too narrow",
    distractors = { "Much too broad", "About right as it is", "Too broad among the workers, too narrow among the intellectuals" },
    passage = "is not too broad an organisation but, on the contrary, a much too narrow one",
    explanation = "Against those who fear a mixed body, Lenin wants the Soviet widened, so that it can become the government of the whole revolutionary people.",
    tags = { "widening" } },

  { id = "new-deputies",
    prompt = "From whom does Lenin want the Soviet to enlist new deputies, besides the workers?",
    answer = "Sailors and soldiers, the revolutionary peasantry and the revolutionary bourgeois intelligentsia",
    distractors = {
      "Army officers, civil servants and the liberal landowners",
      "Only members of the Social-Democratic Party",
      "The town councils and the zemstvos",
    },
    passage = "from the sailors and soldiers, who are everywhere seeking freedom; secondly, from the revolutionary peasantry, and thirdly, from the revolutionary bourgeois intelligentsia",
    explanation = "Lenin’s widening, in his own order: first the sailors and soldiers, secondly the revolutionary peasantry, thirdly the revolutionary bourgeois intelligentsia.",
    tags = { "widening" } },

  { id = "not-liberal",
    prompt = "With whom should the Soviet reinforce the nucleus of the provisional revolutionary government?",
    answer = "Representatives of all revolutionary parties and of revolutionary, not liberal, democrats",
    distractors = {
      "Liberal democrats, to win over the bourgeoisie",
      "Social-Democrats only",
      "Deputies of the zemstvos and the town councils",
    },
    passage = "reinforce it with representatives of all revolutionary parties and all revolutionary (but, of course, only revolutionary and not liberal) democrats",
    explanation = "The alliance is open to every revolutionary party but closed to the liberals: a revolutionary-democratic government, not a coalition with the bourgeoisie.",
    tags = { "widening", "alliance" } },

  { id = "ratio",
    prompt = "What proportion does Lenin suggest between the workers’ deputies and the intelligentsia’s?",
    answer = "For hundreds of workers, sailors, soldiers and peasants, dozens from the unions of the revolutionary intelligentsia",
    distractors = {
      "Equal numbers of deputies from the workers and from the unions of the intelligentsia",
      "A majority from the unions of the intelligentsia, to guide the workers and peasants",
      "One deputy for each revolutionary party, whatever the number of its members",
    },
    passage = "for, say, hundreds of workers, sailors, soldiers and peasants there should be dozens of deputies from the unions of the revolutionary intelligentsia",
    explanation = "The body of the government is to stay purely proletarian; the intelligentsia joins, but as a minority.",
    tags = { "widening" } },

  { id = "temporary-alliance",
    prompt = "What kind of alliance of Social-Democrats and revolutionary democrats does Lenin propose?",
    answer = "A temporary alliance for immediate practical tasks, the Party keeping its independence",
    distractors = {
      "A merger of the Social-Democrats and the Socialist-Revolutionaries in one party",
      "A permanent alliance with the liberal bourgeoisie",
      "No alliance: the Party should act alone",
    },
    passage = "It will be a temporary alliance that is to fulfil clearly defined immediate practical tasks",
    explanation = "The socialist proletariat’s fundamental interests and ultimate goals stay with the independent R.S.D.L.P.; a merger with the Socialist-Revolutionaries is, Lenin writes, out of the question.",
    tags = { "alliance" } },

  { id = "sr-workers",
    prompt = "What does Lenin say of the worker comrades who share Socialist-Revolutionary views?",
    answer = "They are inconsistent, but to expel them from the Soviet would be absurd",
    distractors = {
      "They should be expelled from the Soviet",
      "Their views are as socialist as the Social-Democrats’",
      "They should be invited to merge their party with the R.S.D.L.P.",
    },
    passage = "To expel devoted and honest revolutionary democrats at a time when we are carrying out a democratic revolution would be absurd, it would be folly.",
    explanation = "Their inconsistency is to be fought with ideas, not expulsions: history and reality will convince them.",
    tags = { "alliance", "socialist-revolutionaries" } },

  { id = "programme-first",
    prompt = "What, says Lenin, should come first in the programme of the provisional revolutionary government?",
    answer = "The complete realisation of political freedom",
    distractors = {
      "The nationalisation of all industry",
      "A constitutional monarchy under a new tsar",
      "Compensation of the landlords for their estates",
    },
    passage = "The complete realisation of political freedom, which the tsar has promised so hypocritically, should come first in this programme.",
    explanation = "The freedoms the October Manifesto promised (speech, conscience, assembly, the press, association, strikes) are to be made real, and all laws restricting them repealed.",
    tags = { "programme" } },

  { id = "constituent-assembly",
    prompt = "What kind of assembly should the programme convoke?",
    answer = "A national constituent assembly, supported by a free and armed people",
    distractors = {
      "A consultative State Duma, as the tsar proposed",
      "A Zemsky Sobor of the estates of the realm",
      "A congress of the Social-Democratic Party",
    },
    passage = "The programme should provide for the convocation of a national constituent assembly that would enjoy the support of a free and armed people",
    explanation = "A constituent assembly, not the tsar’s consultative (Bulygin) Duma, is to establish a new order in Russia.",
    tags = { "programme" } },

  { id = "arming",
    prompt = "What, according to Lenin, is “realised by all”?",
    answer = "The necessity of arming the people",
    distractors = {
      "The necessity of a constitutional monarchy",
      "The necessity of waiting for the Duma elections",
      "The necessity of a merger of all the socialist parties",
    },
    passage = "The necessity of arming the people is realised by all.",
    explanation = "Arming the people is part of the programme: the work already begun everywhere (the defence squads) is to be completed and unified.",
    tags = { "programme", "uprising" } },

  { id = "poland",
    prompt = "Which oppressed nation does Lenin name, saying the proletariat will not allow it to be crushed again?",
    answer = "Poland",
    distractors = { "Finland", "Georgia", "Ukraine" },
    passage = "It will not allow heroic Poland to be crushed again.",
    explanation = "The programme grants real freedom to the nationalities oppressed by the tsarist monster; the proletariat will fight for a free Russia and a free Poland.",
    tags = { "programme", "nationalities" } },

  { id = "eight-hours",
    prompt = "Which working day should the programme provide for, one the workers are already “seizing”?",
    answer = "The eight-hour working day",
    distractors = { "The ten-hour working day", "The twelve-hour working day", "The six-hour working day" },
    passage = "The programme should provide for the eight-hour working day, which the workers are already “seizing”",
    explanation = "In the autumn of 1905 workers in St. Petersburg began to introduce the eight-hour day themselves; Lenin puts it in the government’s programme with other measures against capitalist exploitation.",
    tags = { "programme" } },

  { id = "land",
    prompt = "What does the programme Lenin sets out say about the land?",
    answer = "Transfer of all the land to the peasants, and support for every revolutionary measure of the peasantry",
    distractors = {
      "Equalised small land tenure, as the Socialist-Revolutionaries demand",
      "Redemption payments to the landlords for the land",
      "The land to stay with the village communes as it is",
    },
    passage = "the programme must necessarily include transfer of all the land to the peasants",
    explanation = "All the land to the peasants, with revolutionary peasants’ committees everywhere, but “without supporting the illusion of ‘equalised’ small land tenure”, the Socialist-Revolutionaries’ idea.",
    tags = { "programme", "peasantry" } },

  { id = "ninth-of-january",
    prompt = "By which anniversary does Lenin want no trace left of the institutions of tsarist power in Russia?",
    answer = "The Ninth of January",
    distractors = { "The anniversary of the emancipation of the serfs", "The tsar’s coronation day", "The anniversary of the October Manifesto" },
    passage = "Let there not be a trace left of the institutions of tsarist power in Russia by the anniversary of that great day, the Ninth of January.",
    explanation = "January 9, 1905 (Bloody Sunday, note 7) began the revolution; Lenin sets its first anniversary as the deadline.",
    tags = { "uprising" } },

  { id = "onlooker",
    prompt = "Why does Lenin leave it to the editors whether to publish the letter?",
    answer = "He writes from exile abroad, as an onlooker who has not seen the Soviet",
    distractors = {
      "He feared the censor would close the paper",
      "He disagreed with the editorial board on the programme",
      "The letter named the Soviet’s leaders to the police",
    },
    passage = "Therefore I leave it to the discretion of the editorial board to publish or not to publish this letter, written by an uninformed person.",
    explanation = "Lenin was still abroad (note 2: he wrote in Stockholm on his way back to Russia); Novaya Zhizn did not publish the letter, which was found only in 1940.",
    tags = { "context" } },
}
