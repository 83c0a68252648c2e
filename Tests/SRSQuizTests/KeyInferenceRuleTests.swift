import Testing
import SRSCore
@testable import SRSQuiz

/// The rules of reading in `docs/quiz-format.md` ("How keys are inferred"), each on text other
/// than the corpus item it came from: a key (its index) or none.
@Suite struct KeyInferenceRuleTests {
    struct Case: CustomStringConvertible, Sendable {
        var rule: String
        var question: String
        var options: [String]
        var explanation: String
        var key: Int?
        var description: String { rule }
    }

    static let cases: [Case] = [
        Case(rule: "abbreviation spelled out", question: "Which protocol delivers e-mail between servers?",
             options: ["FTP", "SMTP", "SSH", "NTP"],
             explanation: "Mail servers hand messages to each other with the Simple Mail Transfer Protocol.", key: 1),
        Case(rule: "abbreviation of an option", question: "Which body sets interest rates for the euro?",
             options: ["The International Monetary Fund", "The European Central Bank", "The World Bank"],
             explanation: "The ECB in Frankfurt decides the rates for the whole euro area.", key: 1),
        Case(rule: "acronym is no plural", question: "Which protocol encrypts traffic to a web server?",
             options: ["HTTP", "HTTPS"], explanation: "HTTPS encrypts the same requests with TLS.", key: 1),
        Case(rule: "another case: other count", question: "At what temperature does water boil at 1 atmosphere?",
             options: ["90 °C", "100 °C", "120 °C"],
             explanation: "At 2 atmospheres water boils near 120 °C; at 1 atmosphere it boils at 100 °C.", key: 1),
        Case(rule: "another case: other ordinal", question: "Which is the third planet from the Sun?",
             options: ["Venus", "Earth", "Mars"],
             explanation: "Venus is the second planet from the Sun; Earth is the third planet and the only one with oceans.",
             key: 1),
        Case(rule: "another case: other number, other words", question: "Which treaty ended the war in 1648?",
             options: ["The Peace of Westphalia", "The Treaty of Utrecht"],
             explanation: "The Peace of Westphalia ended the Thirty Years' War; its articles numbered 128.", key: 0),
        Case(rule: "another case: other name", question: "What is the capital of Germany?",
             options: ["Paris", "Berlin", "Vienna"], explanation: "Paris is the capital of France.", key: nil),
        Case(rule: "another case: a number counting something else",
             question: "How many players does each team field in a football match?", options: ["2", "9", "11"],
             explanation: "The two teams each field 11 players, one of them the goalkeeper.", key: 2),
        Case(rule: "another case: a number counting a part", question: "How many strings does a guitar have?",
             options: ["4", "6", "12"],
             explanation: "A guitar has six strings; its four lowest strings are wound with wire.", key: 1),
        Case(rule: "another measure: another superlative", question: "Which is the longest river in Europe?",
             options: ["The Danube", "The Volga", "The Rhine"],
             explanation: "The Rhine is the busiest waterway of the continent, carrying barges from Basel to Rotterdam.",
             key: nil),
        Case(rule: "negated option denied", question: "Why are penguins flightless?",
             options: ["Their wings became flippers for swimming", "They have no feathers"],
             explanation: "Penguins have feathers, dense waterproof ones that trap air.", key: nil),
        Case(rule: "negated option affirmed by its negation", question: "Why are penguins flightless?",
             options: ["Their wings became flippers for swimming", "They have no feathers"],
             explanation: "Penguins do have feathers; their wings became stiff flippers for swimming.", key: 0),
        Case(rule: "subjectless but-clause", question: "Which gas do plants take in for photosynthesis?",
             options: ["Oxygen", "Carbon dioxide", "Nitrogen"],
             explanation: "Oxygen leaves the leaf as a by-product but is not taken in for photosynthesis; carbon dioxide enters through the stomata.",
             key: 1),
        Case(rule: "hedge answered by but", question: "Which metal is liquid at room temperature?",
             options: ["Lead", "Mercury", "Tin"],
             explanation: "Many people guess lead because it melts easily, but lead melts only at 327 °C. Mercury is liquid at room temperature.",
             key: 1),
        Case(rule: "both named alike", question: "Which city is older?", options: ["Rome", "Athens", "Paris"],
             explanation: "Both Rome and Athens were settled long before records began.", key: nil),
        Case(rule: "either … or is a list", question: "What does a thermometer measure?",
             options: ["Temperature", "Pressure", "Humidity"],
             explanation: "A thermometer measures temperature, either with a liquid column or with an electronic sensor.",
             key: 0),
        Case(rule: "elimination in a negative question", question: "Which of these is NOT a mammal?",
             options: ["Whale", "Bat", "Shark"],
             explanation: "Whales and bats are mammals although one swims and one flies; the shark is a fish.", key: 2),
        Case(rule: "no elimination without the question's words", question: "Which of these is NOT a mammal?",
             options: ["Whale", "Bat", "Shark"],
             explanation: "Whales swim, bats fly, and sharks swim too.", key: nil),
        Case(rule: "number words to ninety", question: "How many keys does a standard piano have?",
             options: ["66", "76", "88"], explanation: "A standard piano has eighty-eight keys.", key: nil),
        Case(rule: "number word as digits", question: "How many strings does a violin have?",
             options: ["4", "5", "6"], explanation: "A violin has four strings tuned in fifths.", key: 0),
        Case(rule: "a negation in a relative clause of the question",
             question: "What can a hash detect that a parity bit cannot?",
             options: ["Two flipped bits", "The time of the error", "The sender's name"],
             explanation: "A hash changes when two bits are flipped, where the parity stays the same. Neither tells the time of the error.",
             key: 0),
        Case(rule: "a named thinker's argument is no hedge",
             question: "Which philosopher argued that the state should wither away?",
             options: ["Karl Marx", "Thomas Hobbes", "John Locke"],
             explanation: "Marx argued that once classes disappear the state withers away, since it exists to keep one class in power.",
             key: 0),
        Case(rule: "some argue is a hedge", question: "Which diet is the healthiest?",
             options: ["Mediterranean", "Paleo", "Vegan"],
             explanation: "Some argue that the paleo diet deserves that title; the evidence keeps changing.", key: nil),
        Case(rule: "a confused noun is no mistake", question: "In which year did the Titanic sink?",
             options: ["1905", "1912", "1920"],
             explanation: "A confused exchange of signals followed, and the Titanic sinking came in April 1912, four days into its maiden voyage.",
             key: 1),
        Case(rule: "ranked below the first", question: "Which is the tallest mountain on Earth?",
             options: ["K2", "Everest", "Kangchenjunga"],
             explanation: "K2 is the second highest mountain, and Kangchenjunga comes in third place.", key: nil),
        Case(rule: "a pronoun ranked below the first", question: "Which is the largest ocean?",
             options: ["The Atlantic", "The Pacific", "The Indian Ocean"],
             explanation: "The Atlantic separates the Americas from Europe and Africa. It is the second largest of the five.",
             key: nil),
        Case(rule: "another case: the question's last words with another word",
             question: "Which hormone deficiency causes diabetes?", options: ["Insulin", "Thyroxine", "Cortisol"],
             explanation: "Thyroxine deficiency causes hypothyroidism, with tiredness and weight gain.", key: nil),
        Case(rule: "the question's numbers are its data",
             question: "With 5 copies and quorums of 3, how many copies may be lost before writes stop?",
             options: ["1", "2", "3", "5"],
             explanation: "A quorum of three out of five copies stays reachable with up to two copies lost.", key: 1),
        Case(rule: "a lead resting on one of the question's words", question: "In which year did the bridge open?",
             options: ["1930", "1937", "1941"],
             explanation: "Work on the bridge began in 1930, traffic crossed it from 1937, and it was repainted in 1941.",
             key: nil),
        // Held-out round 1 and 2 of 2026-12-01 (quizfix): each rule on other text than the item
        // that showed it.
        Case(rule: "an option named alone, nothing the question asks said of it",
             question: "Which protocol encrypts traffic to a web server?", options: ["HTTP", "HTTPS", "FTP"],
             explanation: "Plain HTTP sends everything in the clear.", key: nil),
        Case(rule: "an option named alone beside the answer's place (where)",
             question: "Who painted the Mona Lisa?", options: ["Michelangelo", "Leonardo da Vinci", "Raphael"],
             explanation: "Michelangelo spent those years on the Sistine Chapel ceiling.", key: nil),
        Case(rule: "a comparison with what the question asks", question: "Which metal is liquid at room temperature?",
             options: ["Lead", "Mercury", "Tin"], explanation: "Lead melts at 327 °C, far above room temperature.", key: nil),
        Case(rule: "another verb before the question's object", question: "Which organ pumps blood?",
             options: ["The heart", "The liver", "The kidney"], explanation: "The liver filters the blood and stores sugar.",
             key: nil),
        Case(rule: "another verb before a word of the question, not its last",
             question: "Which organ pumps blood around the body?", options: ["The heart", "The kidneys", "The lungs"],
             explanation: "The kidneys clean the blood and make urine.", key: nil),
        Case(rule: "a comparative before the question's word compares", question: "Which instrument has six strings?",
             options: ["The violin", "The guitar", "The ukulele"],
             explanation: "The violin is played with a bow and has fewer strings.", key: nil),
        Case(rule: "how many is the question's form", question: "How many legs does a spider have?",
             options: ["6", "8", "10"], explanation: "Insects walk on 6, many of them with wings.", key: nil),
        Case(rule: "the question's superlative in another class", question: "Which element is the most abundant in the Earth's crust?",
             options: ["Iron", "Silicon", "Oxygen", "Aluminium"],
             explanation: "Aluminium is the most abundant metal in the crust, at about 8% by mass.", key: nil),
        Case(rule: "a ranking the question does not ask for", question: "What is the capital of Canada?",
             options: ["Toronto", "Ottawa", "Montreal"],
             explanation: "Toronto is the largest city in Canada, on the shore of Lake Ontario.", key: nil),
        Case(rule: "not a ranking: the forest", question: "Where do koalas live?",
             options: ["In the eucalyptus forest", "In the desert", "On the coast"],
             explanation: "They spend their lives in the eucalyptus forest, eating its leaves.", key: 0),
        Case(rule: "the opposite of the question's word", question: "Which hormone lowers blood sugar?",
             options: ["Glucagon", "Insulin", "Adrenaline"],
             explanation: "Glucagon raises blood sugar by telling the liver to set glucose free.", key: nil),
        Case(rule: "the opposite of the question's noun", question: "Which blood type is the universal donor?",
             options: ["AB positive", "O negative", "A positive"],
             explanation: "AB positive is the universal recipient, since it carries both antigens.", key: nil),
        Case(rule: "the question's word beside its opposite", question: "Which hormone lowers blood sugar?",
             options: ["Glucagon", "Insulin", "Adrenaline"],
             explanation: "Insulin lowers blood sugar after a meal; glucagon raises it between meals.", key: 1),
        Case(rule: "the noun mean", question: "Which average uses every value?",
             options: ["The mean", "The median", "The mode"],
             explanation: "The mean adds up every value and divides by the count.", key: 0),
        Case(rule: "an option by its place", question: "Which planet has the most moons?",
             options: ["Earth", "Saturn", "Mars"],
             explanation: "The option most people pick wrongly is the first. Earth has a single moon.", key: nil),
        Case(rule: "not a place: the last one", question: "Which loop runs at least once?",
             options: ["for", "while", "do-while"], explanation: "Each pass starts where the last one stopped.", key: nil),
        Case(rule: "another name ending in an option's last word", question: "Which city hosted the 1996 Summer Olympics?",
             options: ["Atlanta", "Mexico City", "Seoul"],
             explanation: "Atlanta hosted them, a hundred years after the first modern games; the flame came from Vatican City.",
             key: 0),
        Case(rule: "a form of the question's last word is no other case", question: "Which bat has the widest wingspan?",
             options: ["Flying fox", "Vampire bat", "Pipistrelle"],
             explanation: "The flying fox has the widest wings of any bat, up to 1.7 m across.", key: 0),
        Case(rule: "only a little, where the question asks for the most",
             question: "Which gas makes up most of the Earth's atmosphere?", options: ["Nitrogen", "Oxygen", "Argon"],
             explanation: "Only about 21% of the air is oxygen, and less than 1% is argon; the rest is N2.", key: nil),
        Case(rule: "which rounds to", question: "What is the acceleration due to gravity at the Earth's surface, roughly?",
             options: ["1 m/s²", "10 m/s²", "100 m/s²"],
             explanation: "Objects near the surface speed up by 9.81 m/s every second, which rounds to 10 m/s².", key: 1),
        Case(rule: "another case: a number after the question's word before it",
             question: "What share of values lie within two standard deviations of the mean?",
             options: ["68%", "95%", "99.7%"], explanation: "68% lie within one standard deviation and 99.7% within three.",
             key: nil),
        Case(rule: "options described, none with what the question asks, none denied",
             question: "Which of these was designed by Jørn Utzon?",
             options: ["The Eiffel Tower", "The Sydney Opera House", "The Louvre Pyramid", "The Gherkin"],
             explanation: "The Eiffel Tower was the work of Gustave Eiffel's company, and the entrance of the Louvre came from I. M. Pei.",
             key: nil),
        Case(rule: "a name described, another option denied", question: "Which planet is the hottest?",
             options: ["Mercury", "Venus", "Mars"],
             explanation: "Although Mercury is closer to the Sun, Venus keeps its heat under a thick atmosphere.", key: 1),
        Case(rule: "the kind of answer is not what the question asks", question: "In what year was the Magna Carta sealed?",
             options: ["1066", "1215", "1492"], explanation: "1492 is the year Columbus reached the Americas.", key: nil),
        Case(rule: "a bare noun after a comma qualifies the noun before it",
             question: "What does a blast furnace use to make iron?",
             options: ["Coke reduction", "Electrolysis", "Sintering"],
             explanation: "Electrolysis is the method of the other smelter, aluminium furnaces.", key: nil),
        Case(rule: "another way taken", question: "Which material made the first suspension bridges of long span possible?",
             options: ["Wrought iron chains", "Steel wire cables", "Timber trusses"],
             explanation: "Wrought iron chains reach their limit at a few hundred metres of span. Roebling's Brooklyn Bridge took a different approach.",
             key: nil),
        Case(rule: "what replaces a denied option shares its word", question: "What covers a typical modernist house?",
             options: ["A pitched tile roof", "A flat concrete slab", "A thatched dome"],
             explanation: "Instead of a pitched tile roof, a flat slab on top, with a roof terrace.", key: 1),
        Case(rule: "here turns to the question's case", question: "Which lock lets many readers hold it at once?",
             options: ["A mutex", "A spinlock", "A read-write lock"],
             explanation: "The distinction matters. A mutex admits one holder at a time and makes every other reader wait; a spinlock busy-waits for that one holder. Here many readers share the lock while a writer waits.",
             key: 2),
        Case(rule: "which is why is no restatement", question: "Which metal conducts electricity best?",
             options: ["Copper", "Silver", "Gold"],
             explanation: "Electrons in it meet the least resistance of any metal, which is why gold plates connectors against corrosion.",
             key: nil),
    ]

    /// Keys the explanation states, read as `stated`.
    static let statedCases: [Case] = [
        Case(rule: "an option's text is the right choice", question: "Who wrote Pride and Prejudice?",
             options: ["Charlotte Brontë", "Jane Austen", "Mary Shelley"],
             explanation: "Jane Austen is the correct choice. Although Brontë also wrote of marriage, she was born after it appeared.",
             key: 1),
        Case(rule: "the answer is a part of one option", question: "Which bird is the fastest diver?",
             options: ["Peregrine falcon", "Golden eagle", "Common swift"],
             explanation: "The correct answer is the falcon: in a stoop it passes 300 km/h.", key: 0),
        Case(rule: "the answer is a part of several options", question: "Which bird is the fastest diver?",
             options: ["Peregrine falcon", "Lanner falcon", "Common swift"],
             explanation: "The correct answer is the falcon: in a stoop it passes 300 km/h.", key: nil),
        Case(rule: "the option by its place is the answer", question: "Which is a prime number?",
             options: ["9", "15", "17"], explanation: "The correct answer is the third option, as 17 has no divisors but 1 and itself.",
             key: 2),
        Case(rule: "the one to pick", question: "Which gas do plants release in photosynthesis?",
             options: ["Carbon dioxide", "Oxygen", "Nitrogen"],
             explanation: "B is the one to pick. Carbon dioxide goes the other way, into the leaf.", key: 1),
        Case(rule: "an instruction naming an option", question: "Which gas do plants release in photosynthesis?",
             options: ["Carbon dioxide", "Oxygen", "Nitrogen"],
             explanation: "Go with B here: the leaf gives it off while it takes carbon dioxide in.", key: 1),
        Case(rule: "the one, ending its clause", question: "Which planet has the shortest year?",
             options: ["Venus", "Mercury", "Mars"],
             explanation: "Mercury is the one: it circles the Sun in 88 days, faster than the others.", key: 1),
        Case(rule: "the option by its place, the correct one", question: "Which is a prime number?",
             options: ["17", "15", "9"], explanation: "The first option is the correct one: 17 has no divisors but 1 and itself.",
             key: 0),
        Case(rule: "it is a letter, with its text", question: "Which gas do plants release in photosynthesis?",
             options: ["Carbon dioxide", "Nitrogen", "Oxygen"],
             explanation: "It is C, oxygen. Carbon dioxide, by contrast, is what the leaf takes in.", key: 2),
        Case(rule: "it is a letter whose text disagrees", question: "Which gas do plants release in photosynthesis?",
             options: ["Carbon dioxide", "Nitrogen", "Oxygen"],
             explanation: "It is C, nitrogen. Carbon dioxide is what the leaf takes in.", key: nil),
        Case(rule: "it is an article, no letter", question: "Which gas do plants release in photosynthesis?",
             options: ["Carbon dioxide", "Nitrogen", "Oxygen"],
             explanation: "It is A question of chemistry, asked every year.", key: nil),
        Case(rule: "no instruction inside a sentence", question: "Which gas do plants release in photosynthesis?",
             options: ["Carbon dioxide", "Oxygen", "Nitrogen"],
             explanation: "Students who pick carbon dioxide have the direction backwards.", key: nil),
        // Eleventh review: an initial and a full stop abbreviate a name (`D. melanogaster`), no letter.
        Case(rule: "an abbreviated name is no letter", question: "Which organism did Morgan use to map genes on chromosomes?",
             options: ["Mus musculus", "Drosophila melanogaster", "Arabidopsis thaliana", "Danio rerio"],
             explanation: "The answer is D. melanogaster; white-eyed mutants were sex-linked.", key: 1),
        Case(rule: "an abbreviated name ruled out", question: "Which bacterium lives in the human gut?",
             options: ["Vibrio cholerae", "Bacillus subtilis", "Escherichia coli"],
             explanation: "So, B. subtilis is out and the answer is E. coli.", key: 2),
        Case(rule: "an abbreviation of no option", question: "Which organism did Morgan use to map genes on chromosomes?",
             options: ["Mus musculus", "Drosophila simulans", "Arabidopsis thaliana", "Danio rerio"],
             explanation: "The answer is D. melanogaster; white-eyed mutants were sex-linked.", key: nil),
        Case(rule: "a place that is also an option's word", question: "Which of Newton's laws is F = ma?",
             options: ["Third law", "First law", "Law of gravitation", "Second law"],
             explanation: "The correct answer is the second, which relates force to acceleration.", key: nil),
        Case(rule: "a place with its noun", question: "Which of Newton's laws is F = ma?",
             options: ["Third law", "Second law", "Law of gravitation", "First law"],
             explanation: "The correct answer is the second option: force is mass times acceleration.", key: 1),
        Case(rule: "a key updated later", question: "Which gas do plants release in photosynthesis?",
             options: ["Carbon dioxide", "Nitrogen", "Oxygen"],
             explanation: "The correct answer is A (see the note below).\nNote: the answer key was updated to C in 2021.", key: nil),
        Case(rule: "an abbreviated option's name", question: "Which organism has exactly 302 neurons?",
             options: ["Drosophila melanogaster", "Mus musculus", "Caenorhabditis elegans", "Danio rerio"],
             explanation: "The correct answer is C. elegans, whose whole connectome was mapped.", key: 2),
        Case(rule: "an abbreviated option's name, letters apart", question: "Which organism has exactly 302 neurons?",
             options: ["Caenorhabditis elegans", "Mus musculus", "Danio rerio", "Drosophila melanogaster"],
             explanation: "The correct answer is C. elegans, whose whole connectome was mapped.", key: 0),
        Case(rule: "an abbreviated option's name is right", question: "Which bacterium is the usual host for cloning plasmids?",
             options: ["Escherichia coli", "Bacillus subtilis", "Vibrio fischeri"],
             explanation: "E. coli is the right answer: it grows fast.", key: 0),
        // Fourteenth review: a contrast opens a part of its own; labels of a verdict; initials.
        Case(rule: "a doubt before a contrast", question: "Which planet is closest to the Sun?",
             options: ["Venus", "Earth", "Mercury"], explanation: "Many people think the answer is A, but the correct answer is C.", key: 2),
        Case(rule: "a sentence opening with but", question: "Which planet is closest to the Sun?",
             options: ["Venus", "Earth", "Mercury"], explanation: "Venus is hot. But C is the correct answer.", key: 2),
        Case(rule: "a verdict's label", question: "Which planet is closest to the Sun?",
             options: ["Venus", "Earth", "Mercury"], explanation: "Wrong: the answer is C.", key: 2),
        Case(rule: "in reality", question: "Which planet is closest to the Sun?",
             options: ["Venus", "Earth", "Mercury"], explanation: "In reality, the answer is C.", key: 2),
        Case(rule: "initials of an option's name", question: "Who wrote The Lion, the Witch and the Wardrobe?",
             options: ["J. R. R. Tolkien", "C. S. Lewis", "Roald Dahl"], explanation: "The correct answer is C. S. Lewis, who wrote Narnia.", key: 1),
        Case(rule: "initials whose first is the article's letter", question: "Who wrote Winnie-the-Pooh?",
             options: ["Roald Dahl", "A. A. Milne", "Beatrix Potter"], explanation: "The answer is A. A. Milne, who wrote it for his son.", key: 1),
        Case(rule: "initials before a surname option", question: "Who wrote The Hobbit?",
             options: ["Lewis", "Tolkien", "Dahl"], explanation: "It's J. R. R. Tolkien, of course.", key: 1),
        Case(rule: "it's and initials", question: "Who wrote The Lion, the Witch and the Wardrobe?",
             options: ["J. R. R. Tolkien", "C. S. Lewis", "Roald Dahl"], explanation: "It's C. S. Lewis, of course.", key: 1),
        Case(rule: "both stated", question: "Which planet is closest to the Sun?",
             options: ["Venus", "Earth", "Mercury"], explanation: "Both B and C are correct.", key: nil),
        Case(rule: "it's, the verb", question: "Which gas do plants release in photosynthesis?",
             options: ["Carbon dioxide", "Nitrogen", "Oxygen"], explanation: "It's C. The leaf gives it off.", key: 2),
        Case(rule: "it’s, the verb", question: "Which gas do plants release in photosynthesis?",
             options: ["Carbon dioxide", "Nitrogen", "Oxygen"], explanation: "Wait, it’s C.", key: 2),
        // Natural held-out rounds: keys a careful reader finds stated, in other words.
        Case(rule: "an abbreviation in brackets after the option's words", question: "Which agency coordinates global health?",
             options: ["The International Red Cross", "The World Health Organization", "UNICEF"],
             explanation: "The correct answer is the World Health Organization (WHO), founded in 1948.", key: 1),
        Case(rule: "therefore between the verb and the verdict", question: "Which gas do plants release in photosynthesis?",
             options: ["Carbon dioxide", "Oxygen", "Nitrogen"],
             explanation: "The leaf takes in carbon dioxide and gives off oxygen. Option B is therefore correct.", key: 1),
        Case(rule: "the answer is thus", question: "Which gas do plants release in photosynthesis?",
             options: ["Carbon dioxide", "Oxygen", "Nitrogen"],
             explanation: "The leaf gives off oxygen, so the answer is thus B.", key: 1),
        Case(rule: "the odd one out", question: "Which of these is NOT a noble gas?",
             options: ["Helium", "Neon", "Nitrogen", "Argon"],
             explanation: "The odd one out is nitrogen: it forms a triple-bonded molecule. Helium, neon and argon are noble gases.", key: 2),
        Case(rule: "an option is the odd one out", question: "Which of these is NOT a noble gas?",
             options: ["Helium", "Neon", "Nitrogen", "Argon"],
             explanation: "Nitrogen is the odd one out, a reactive diatomic gas.", key: 2),
        Case(rule: "least likely, the answer named", question: "Which of these is LEAST likely to cause a fever?",
             options: ["Influenza", "Malaria", "A paper cut", "Pneumonia"],
             explanation: "The correct answer is C: a paper cut rarely leads to a fever.", key: 2),
        Case(rule: "one initial before its own option's name", question: "Who proposed natural selection?",
             options: ["Lamarck", "Darwin", "Mendel"], explanation: "It's B. Darwin, in 1859.", key: 1),
        Case(rule: "which makes an option's words the right choice", question: "Which indicator suits a weak acid–strong base titration?",
             options: ["Methyl orange (range 3.1–4.4)", "Methyl red (range 4.4–6.2)", "Phenolphthalein (range 8.2–10.0)"],
             explanation: "The pH at equivalence is above 7, which makes phenolphthalein the right choice.", key: 2),
        // Round n17.
        Case(rule: "a hedge in the reason after because", question: "Which inputs test a field accepting 1 to 100 best?",
             options: ["50 only", "0, 1, 100 and 101", "1 and 100 only"],
             explanation: "B is right because defects tend to cluster at the edges of input ranges.", key: 1),
        Case(rule: "the answer with the question's noun after it", question: "Which type of galaxy has mostly old stars?",
             options: ["Spiral", "Barred spiral", "Irregular", "Elliptical"],
             explanation: "The correct answer is elliptical galaxies. They have lost most of their gas.", key: 3),
        // Round n18.
        Case(rule: "a question describing with no", question: "Which insulin is a long-acting basal insulin with no pronounced peak?",
             options: ["Regular insulin", "Insulin lispro", "Insulin glargine", "NPH insulin"],
             explanation: "Option C is correct because glargine is released slowly over about 24 hours.", key: 2),
        Case(rule: "a title in quotes", question: "Which composer is known as the Waltz King?",
             options: ["Johann Strauss II", "Richard Strauss", "Franz Liszt"],
             explanation: "Option A is the one: Johann Strauss II wrote hundreds of waltzes, including \"The Blue Danube\".", key: 0),
        Case(rule: "that is why, an option's text", question: "Which data structure is last in, first out?",
             options: ["Queue", "Stack", "Heap"],
             explanation: "The last plate put on top is the first taken off. That is why a stack is right, and why the call stack is so named.", key: 1),
        Case(rule: "a measure after the option", question: "Which is the highest mountain in the Alps?",
             options: ["The Matterhorn", "Mont Blanc", "The Zugspitze"],
             explanation: "The answer is Mont Blanc, at roughly 4,806 m on the border between France and Italy.", key: 1),
        Case(rule: "a letter the question uses, the answer named", question: "Events A and B are independent, with P(A) = 0.5 and P(B) = 0.4. What is P(A ∩ B)?",
             options: ["0.2", "0.9", "0.1", "0.45"],
             explanation: "The correct answer is A: for independent events the probabilities multiply, 0.5 × 0.4 = 0.2.", key: 0),
    ]

    /// No key stated: the reading may still weigh one (`--infer-keys`), but never as stated.
    static let notStatedCases: [Case] = [
        Case(rule: "this is an option later in the explanation", question: "Which process turns light into chemical energy in leaves?",
             options: ["Respiration", "Transpiration", "Photosynthesis"],
             explanation: "Many pick the process in the roots. This is respiration, which releases energy instead.", key: nil),
        Case(rule: "this is an option, then a condition", question: "Which process turns light into chemical energy in leaves?",
             options: ["Respiration", "Transpiration", "Photosynthesis"],
             explanation: "This is photosynthesis only if the leaf is lit.", key: nil),
        Case(rule: "this is an option, in a question asking for the wrong one", question: "Which process does NOT happen in leaves?",
             options: ["Respiration", "Transpiration", "Photosynthesis", "Digestion"],
             explanation: "This is photosynthesis, which takes place in the chloroplasts.", key: nil),
        Case(rule: "this is no option's whole text", question: "Which process turns light into chemical energy in leaves?",
             options: ["Respiration", "Transpiration", "Photosynthesis"],
             explanation: "This is a common mistake: respiration runs the other way.", key: nil),
        // Reviews' remaining wrong keys.
        Case(rule: "an option's number among numeric options", question: "What is 1 + 2?",
             options: ["3", "4", "5", "6"], explanation: "The answer is option 3.", key: nil),
        Case(rule: "an option's number, a verdict", question: "What is 1 + 2?",
             options: ["3", "4", "5", "6"], explanation: "Option 3 is correct.", key: nil),
        Case(rule: "another accepted too", question: "Which planet is largest?",
             options: ["Jupiter", "Venus", "Earth", "Mars"], explanation: "A is correct. B is also accepted by some graders.", key: nil),
        Case(rule: "spot the error", question: "Spot the error in these claims.",
             options: ["Water boils at 100 °C at sea level", "Ice floats", "The Sun orbits the Earth", "Salt dissolves in water"],
             explanation: "A is correct: water boils at 100 °C at sea level. The Earth orbits the Sun.", key: nil),
        Case(rule: "least likely", question: "Which of these is LEAST likely to cause a fever?",
             options: ["Influenza", "Malaria", "A paper cut", "Pneumonia"],
             explanation: "A is correct: influenza commonly causes fever.", key: nil),
        Case(rule: "least accurate", question: "Which of these is least accurate?",
             options: ["The Earth is flat", "The Earth is round", "The Moon orbits the Earth"],
             explanation: "B: true, the Earth is round.", key: nil),
        Case(rule: "initials of no option", question: "Who wrote Winnie-the-Pooh?",
             options: ["Roald Dahl", "Beatrix Potter", "Lewis Carroll"], explanation: "The answer is A. A. Milne, who wrote it for his son.", key: nil),
        // Fifteenth review: an opening `This is X` names what the question is about, not its answer.
        Case(rule: "this describes the question's subject", question: "An amphibian larva with gills and a tail lives in a pond. What does it turn into?",
             options: ["A tadpole", "A frog", "A fish"],
             explanation: "This describes a tadpole. Over several weeks it loses its tail and becomes a frog.", key: nil),
        Case(rule: "this is the option the question names", question: "Which currency replaced the French franc in 2002?",
             options: ["The French franc", "The euro", "The Deutsche Mark"],
             explanation: "This is the French franc. It was replaced by the euro in 2002.", key: nil),
        Case(rule: "that describes another organ", question: "Which organ stores bile?",
             options: ["The liver", "The gallbladder", "The pancreas"],
             explanation: "That describes the liver, which makes bile; the gallbladder stores it.", key: nil),
        Case(rule: "the odd one out denied", question: "Which of these is NOT a metal?",
             options: ["Iron", "Mercury", "Sulfur"],
             explanation: "The odd one out is not mercury, even though it is a liquid. It is sulfur.", key: nil),
        Case(rule: "the odd one out denied, contracted", question: "Which of these is NOT a mammal?",
             options: ["Whale", "Bat", "Shark"],
             explanation: "The odd one out isn't the bat, even though it flies. It is the shark, a fish.", key: nil),
        Case(rule: "a letter the question uses, options in words", question: "Events A and B have P(A) = 0.2 and P(B) = 0.7. Which event is more likely?",
             options: ["The second one", "The first one", "They are equally likely"],
             explanation: "The correct answer is B: 0.7 is more than 0.2.", key: nil),
        Case(rule: "a point the question names, options in words", question: "Point A is at (3,4) and point B is at (0,0). Which lies on the circle of radius 5 about the origin?",
             options: ["Neither", "The point at (0,0)", "The point at (3,4)"],
             explanation: "The correct answer is A: its distance from the origin is exactly 5.", key: nil),
        // Sixteenth review.
        Case(rule: "one initial before another option's name", question: "Who proposed natural selection?",
             options: ["Lamarck", "Darwin", "Mendel"], explanation: "It's C. Darwin, in 1859.", key: nil),
        Case(rule: "one initial before another option's name, the answer", question: "Who developed the theory of relativity?",
             options: ["Newton", "Einstein", "Bohr"], explanation: "The answer is A. Einstein.", key: nil),
        Case(rule: "a statement containing an error", question: "Which statement contains an error?",
             options: ["Plants release oxygen", "Plants absorb carbon dioxide", "Plants release nitrogen"],
             explanation: "A is correct: plants release oxygen.", key: nil),
        Case(rule: "the step with the error", question: "In which step is the error? 2x + 4 = 10",
             options: ["2x = 6", "x = 3", "x = 12"], explanation: "A is correct: subtracting 4 gives 2x = 6.", key: nil),
        Case(rule: "graders also accept another", question: "Which planet is largest?",
             options: ["Jupiter", "Venus", "Earth"], explanation: "The answer is A; some graders also accept B.", key: nil),
        Case(rule: "which makes words of two options the right choice", question: "Which indicator suits a weak acid–strong base titration?",
             options: ["Methyl orange (range 3.1–4.4)", "Methyl red (range 4.4–6.2)", "Phenolphthalein (range 8.2–10.0)"],
             explanation: "The pH at equivalence is below 7, which makes methyl the right choice.", key: nil),
        Case(rule: "a mistake makes an option's words the right choice", question: "Which indicator suits a weak acid–strong base titration?",
             options: ["Methyl orange (range 3.1–4.4)", "Methyl red (range 4.4–6.2)", "Phenolphthalein (range 8.2–10.0)"],
             explanation: "Forgetting the salt's hydrolysis makes methyl orange the right choice, wrongly.", key: nil),
        Case(rule: "a hedge before because", question: "Which inputs test a field accepting 1 to 100 best?",
             options: ["50 only", "0, 1, 100 and 101", "1 and 100 only"],
             explanation: "Many think B is right because the edges matter.", key: nil),
        Case(rule: "another noun after the option", question: "Which type of galaxy has mostly old stars?",
             options: ["Spiral", "Barred spiral", "Irregular", "Elliptical"],
             explanation: "The correct answer is elliptical orbits of old stars, as they age.", key: nil),
        // Eighteenth review: a belief inside the reason is still someone's view; `no.` corrects.
        Case(rule: "a claim inside the reason of a denial", question: "Why do heavier objects not fall faster in a vacuum?",
             options: ["Gravity is weaker on heavy objects", "Acceleration due to gravity is independent of mass",
                       "Air resistance is larger for heavy objects"],
             explanation: "A is incorrect because some claim that the correct answer is C.", key: nil),
        Case(rule: "a belief inside the reason of a verdict", question: "Which part of the brain coordinates balance?",
             options: ["Cerebrum", "Cerebellum", "Brainstem"],
             explanation: "A is the correct answer because the cerebrum is the largest part, some students argue; they are mistaken.", key: nil),
        Case(rule: "a verdict trailing off, then no", question: "Which part of the brain coordinates balance?",
             options: ["Cerebrum", "Cerebellum", "Brainstem"], explanation: "A is the correct answer because... no. The cerebellum is.", key: nil),
        Case(rule: "a verdict trailing off, then no and another", question: "Which part of the brain coordinates balance?",
             options: ["Cerebrum", "Cerebellum", "Brainstem"],
             explanation: "C is the correct answer because... no: the cerebellum, B, is the correct answer.", key: nil),
        Case(rule: "a verdict in quotes", question: "Which composer is known as the Waltz King?",
             options: ["Johann Strauss II", "Richard Strauss", "Franz Liszt"],
             explanation: "Many write \"Option B is the one\" on tests, confusing the two.", key: nil),
        Case(rule: "a case after the option", question: "Which is the highest mountain in the Alps?",
             options: ["The Matterhorn", "Mont Blanc", "The Zugspitze"],
             explanation: "The answer is Mont Blanc, at least in France.", key: nil),
        Case(rule: "a letter an option uses, the answer named", question: "Set A has 5 members and set B has 3. Which set is larger?",
             options: ["B", "A", "They are equal"],
             explanation: "The correct answer is A: five is more than three.", key: nil),
    ]

    @Test(arguments: notStatedCases)
    func notStated(_ example: Case) {
        let result = KeyInference.infer(question: example.question, options: example.options,
                                        explanation: example.explanation)
        #expect(result.key?.source != .stated, "\(example.rule): \(result)")
    }

    @Test(arguments: statedCases)
    func stated(_ example: Case) {
        let result = KeyInference.infer(question: example.question, options: example.options,
                                        explanation: example.explanation)
        #expect(result.key?.index == example.key, "\(example.rule): \(result)")
        if example.key != nil { #expect(result.key?.source == .stated, "\(example.rule): \(result)") }
    }

    @Test(arguments: cases)
    func rule(_ example: Case) {
        let result = KeyInference.infer(question: example.question, options: example.options,
                                        explanation: example.explanation)
        #expect(result.key?.index == example.key, "\(example.rule): \(result)")
    }
}

/// A key stated at the start of an explanation too long to weigh is still read (stated keys are
/// the default's only source); its long remainder is not weighed.
@Suite struct LongExplanationTests {
    @Test func aStatedKeyOpeningALongExplanationIsRead() {
        let long = "The correct answer is B. " + String(repeating: "Rome and Paris are both old cities. ", count: 800)
        #expect(long.utf8.count > KeyInference.longestExplanation)
        let result = KeyInference.infer(question: "Which city is the capital of France?", options: ["Rome", "Paris", "Oslo"],
                                        explanation: long)
        #expect(result.key == AnswerKey(index: 1, source: .stated))
        let unstated = KeyInference.infer(question: "Which city is the capital of France?", options: ["Rome", "Paris", "Oslo"],
                                          explanation: String(repeating: "Paris is the capital of France. ", count: 800))
        #expect(unstated.key == nil && unstated.reason == "the explanation is too long to weigh")
    }
}

/// A sentence naming what the question describes (`The technique is sfumato`, `This describes…`)
/// states no key: each case below stated a wrong one in review, and narrowing the rule to first
/// sentences, `is` and explanations that name no other option still left the second set.
@Suite struct DescribedKeyTests {
    static let australia = (question: "What is the capital of Australia?", options: ["Sydney", "Canberra", "Melbourne", "Perth"])
    static let wrong: [(question: String, options: [String], explanation: String)] = [
        (australia.question, australia.options, "The capital was Melbourne, from 1901 until 1927, while Canberra was being built."),
        (australia.question, australia.options, "The capital is Sydney, most tourists assume; in fact it is Canberra."),
        (australia.question, australia.options, "The capital is Sydney? No. It is Canberra, a planned city."),
        ("Which city was NOT a capital of Germany?", ["Bonn", "Berlin", "Munich", "Frankfurt"],
         "The capital was Bonn, from 1949 to 1990, and then Berlin. Munich never was."),
        ("Which painting technique did Leonardo NOT use?", ["Sfumato", "Chiaroscuro", "Glazing", "Pointillism"],
         "The technique is sfumato, above all, in the Mona Lisa. Pointillism came four centuries later."),
        ("What is the bending of light entering water called?", ["Reflection", "Refraction", "Diffraction", "Dispersion"],
         "Light bouncing back off a mirror is a different process. This is called reflection. Light bending as it enters water is refraction."),
        ("Which is Jupiter's largest moon?", ["Titan", "Europa", "Ganymede", "Io"],
         "Titan is Saturn's largest moon. It is known as Ganymede's rival."),
        ("Which design follows people forward from an exposure?", ["Case-control study", "Cohort study", "Cross-sectional survey"],
         "That describes a case-control study, some say; a cohort study follows people forward."),
    ]

    @Test(arguments: wrong.indices)
    func statesNoWrongKey(_ index: Int) {
        let (question, options, explanation) = Self.wrong[index]
        let result = KeyInference.infer(question: question, options: options, explanation: explanation)
        #expect(result.key?.source != .stated, "\(explanation): \(result)")
    }

    static let injection = (question: "Which measure most directly prevents SQL injection?",
                            options: ["Using parameterized queries (prepared statements)", "Serving the site over HTTPS",
                                      "Hashing users' passwords before storing them", "Adding a CAPTCHA to login forms"])

    /// A part of one option's text before `the right answer` closing its clause (round n11).
    @Test(arguments: [("Parameterized queries are the right answer here: the structure is sent apart from the data.", 0 as Int?),
                      ("Prepared statements are the correct answer. Input stays a value.", 0),
                      ("Password hashing is the right answer to a different question.", nil),
                      // Second review: other cases, conditions, the past, a relative clause, a denial.
                      ("For cross-site scripting, CAPTCHA is the right answer; for SQL, bind the values.", nil),
                      ("Hashing is the right answer, but to a different question: how to store passwords.", nil),
                      ("If hashing is the right answer, why do breaches still happen?", nil),
                      ("Before 2005, HTTPS was the right answer; today every driver has prepared statements.", nil),
                      ("Only in legacy code, where HTTPS is the right answer, should you keep it.", nil),
                      ("Parameterized queries, not login forms, are the right answer here.", nil),
                      ("Users' passwords are the right answer only for storage.", nil),
                      ("HTTPS and hashed passwords are the right answer here.", nil)])
    func aPartOfOneOptionIsTheRightAnswer(explanation: String, key: Int?) {
        let result = KeyInference.infer(question: Self.injection.question, options: Self.injection.options, explanation: explanation)
        if let key { #expect(result.key == AnswerKey(index: key, source: .stated), "\(result)") }
        else { #expect(result.key?.source != .stated, "\(result)") }
    }

    /// Questions that ask for a mistaken, avoided or contrasted one (second review).
    static let askingForAnother: [(question: String, options: [String], explanation: String)] = [
        ("Which city do most tourists wrongly believe is the capital of Australia?", australia.options, "The capital is Canberra."),
        ("Which city is often mistaken for the capital of Australia?", australia.options, "The capital is Canberra, a planned city."),
        ("Which gas is least abundant in dry air?", ["Nitrogen", "Oxygen", "Argon", "Neon"], "The gas is nitrogen, about 78 percent of it."),
        ("Which technique did he NOT use? Select one.", ["Sfumato", "Chiaroscuro", "Glazing", "Pointillism"], "The technique is sfumato, above all."),
        ("What is the reverse of the process that turns ice into water?", ["Melting", "Freezing", "Boiling"], "The process is melting; its reverse is the answer."),
    ]

    @Test(arguments: askingForAnother.indices)
    func namingWhatTheQuestionDescribesStatesNothing(_ index: Int) {
        let (question, options, explanation) = Self.askingForAnother[index]
        let result = KeyInference.infer(question: question, options: options, explanation: explanation)
        #expect(result.key?.source != .stated, "\(explanation): \(result)")
    }
}

/// The question shapes where a bare verdict names no key (third review): one asking for the false
/// or NOT one, letters the options or the question use as words, the question's own verdict word.
@Suite struct StatedKeyQuestionTests {
    static let cases: [(question: String, options: [String], explanation: String, key: Int?)] = [
        ("Which statement is false?", ["The Sun is a star", "Mars has two moons", "Venus has rings"],
         "A is true: the Sun is a star. Mars has two moons, Phobos and Deimos.", nil),
        // Ninth review: questions asking for a wrong one in other words.
        ("Which of these claims is a myth?", ["Whales are mammals", "Bats are blind", "Sharks are fish"], "A: correct, whales are mammals.", nil),
        ("Which of these is a common misconception?", ["Whales are mammals", "Bats are blind", "Sharks are fish"],
         "C is correct: sharks are fish.", nil),
        ("Which animal is the exception?", ["Whale", "Dolphin", "Shark"], "A: correct, whales are mammals.", nil),
        ("Which animal is the odd one out?", ["Whale", "Dolphin", "Shark"], "B is correct: dolphins nurse their young.", nil),
        ("Which animal lacks mammary glands?", ["Whale", "Dolphin", "Shark"], "A: correct, whales nurse.", nil),
        ("Which animal is wrongly called a fish?", ["Whale", "Salmon", "Shark"], "B is correct: salmon are fish.", nil),
        ("Which argument is a fallacy?", ["Modus ponens", "Modus tollens", "Affirming the consequent"], "A: correct, it is valid.", nil),
        ("Which animal is least like the others?", ["Whale", "Dolphin", "Shark"], "A: correct, whales are mammals.", nil),
        ("Which is a common misbelief?", ["Whales are mammals", "Bats are blind", "Sharks are fish"], "A: correct, whales are mammals.", nil),
        ("Which of these claims is a myth?", ["Whales are mammals", "Bats are blind", "Sharks are fish"],
         "A and C are wrong: whales are mammals and sharks are fish.", nil),
        // Ninth review: a verdict whose reason names another option and never its own (options
        // shuffled after the explanation was written).
        ("Which organ filters blood?", ["The liver", "The lungs", "The heart"], "C is correct because the liver filters blood.", nil),
        ("Which organ filters blood?", ["The liver", "The lungs", "The heart"], "C: correct, the liver removes toxins.", nil),
        ("Which organ filters blood?", ["The liver", "The lungs", "The heart"], "The correct answer is C because the liver filters.", nil),
        ("Which gas is most abundant in air?", ["Oxygen", "Nitrogen", "Argon"],
         "B: incorrect, oxygen is only 21 percent. C: incorrect, argon is under 1 percent.", nil),
        ("Which organ filters blood?", ["The liver", "The lungs", "The heart"], "A is correct because the liver filters blood.", 0),
        ("Which organ filters blood?", ["The liver", "The lungs", "The heart"], "A: correct, unlike the heart the liver filters.", 0),
        // Ninth review: a correction's label, then another question's or case's statement.
        ("Which organ filters blood?", ["The liver", "The lungs", "The heart"], "Correction: Question 5's correct answer is C.", nil),
        ("Which organ filters blood?", ["The liver", "The lungs", "The heart"], "Erratum: in the printed edition, the correct answer is B.", nil),
        ("Which organ filters blood?", ["The liver", "The lungs", "The heart"], "Wait: in fish, the correct answer is B.", nil),
        ("Which organ filters blood?", ["The liver", "The lungs", "The heart"], "Correction: for question 3, the correct answer is C.", nil),
        ("Which organ filters blood?", ["The liver", "The lungs", "The heart"], "Correction: the correct answer is A.", 0),
        ("Which of these is NOT a noble gas?", ["Helium", "Nitrogen", "Neon"], "Helium is correct: it is a noble gas.", nil),
        ("Which of these is NOT a noble gas?", ["Helium", "Nitrogen", "Neon"], "The correct answer is B: nitrogen is in group 15.", 1),
        ("Which key is the relative major of A minor?", ["F major", "C major", "G major"], "C is the answer: C major shares its notes.", nil),
        ("Which key is the relative major of A minor?", ["F major", "C major", "G major"], "Only C is correct: C major shares its notes.", nil),
        ("Which key is the relative major of A minor?", ["F major", "C major", "G major"], "(B) is correct: C major shares its notes.", 1),
        ("Which language did Dennis Ritchie create?", ["Java", "C", "Python"], "It is C, the language of Unix.", nil),
        ("In a right triangle ABC with the right angle at C, which side is the hypotenuse?", ["BC", "AC", "AB"],
         "Angle C is right.", nil),
        ("At what temperature does water boil at sea level?", ["0 °C", "50 °C", "100 °C"],
         "The correct answer is C: water boils at 100 °C at sea level.", 2),
        ("If you double the radius of a circle, what happens to its circumference?", ["It doubles", "It halves", "It stays the same"],
         "The answer is the same: it doubles, since C = 2πr.", nil),
    ]

    @Test(arguments: cases.indices)
    func statesOnlyWhatTheQuestionAllows(_ index: Int) {
        let (question, options, explanation, key) = Self.cases[index]
        let result = KeyInference.infer(question: question, options: options, explanation: explanation)
        if let key { #expect(result.key == AnswerKey(index: key, source: .stated), "\(explanation): \(result)") }
        else { #expect(result.key?.source != .stated, "\(explanation): \(result)") }
    }
}

/// What a number measures is read from the two content words after it, among the next
/// `Specifics.lookAhead` tokens only: a run of number words with nothing after them made every
/// look-ahead run to the explanation's end (20 KB of `one; ` took 2.4 s in a debug build).
@Suite struct NumberContextTests {
    @Test func theWordsAfterANumberAreLookedForNearIt() {
        let near = EvidenceTokens.tokens("one standard deviation")
        #expect(Specifics.wordsAfter(0, near) == Set(EvidenceTokens.tokens("standard deviation").map(\.stem)))
        let far = EvidenceTokens.tokens("one" + String(repeating: " the", count: Specifics.lookAhead) + " standard deviation")
        #expect(far.count > Specifics.lookAhead + 1)
        #expect(Specifics.wordsAfter(0, far).isEmpty)
    }
}

/// Words that end in `est` without being superlatives (`forest`, `interest`) make no question a
/// ranking: the question's superlatives, its `asksSuperlative` and its `asksForTheMost` all skip them.
@Suite struct NotSuperlativeTests {
    @Test(arguments: ["Which animal lives in the forest?", "Which rate is the interest on a loan?",
                      "What did the harvest festival celebrate?"])
    func aWordEndingInEstIsNoRanking(_ question: String) {
        let tokens = EvidenceTokens.tokens(question)
        #expect(!OptionProfile.asksSuperlative(tokens))
        let profile = OptionProfile(question: question, options: ["Wolves", "Camels"])
        #expect(profile.superlatives.isEmpty && !profile.asksForTheMost)
    }

    @Test func aRealSuperlativeStillIs() {
        #expect(OptionProfile.asksSuperlative(EvidenceTokens.tokens("Which is the largest forest?")))
        #expect(OptionProfile(question: "Which is the largest forest?", options: ["Taiga", "Amazon"]).superlatives == ["largest"])
    }
}

/// More of the ways explanations state their key (`docs/quiz-format.md`, "Stated keys"), and the
/// look-alikes that state none. Options: A The liver, B The lungs, C The heart, D The kidney.
@Suite struct StatedPhrasingTests {
    static let question = "Which organ pumps blood around the body?"
    static let options = ["The liver", "The lungs", "The heart", "The kidney"]

    static let stating: [(String, Int)] = [
        // Feedback per option, a letter and a colon before the verdict (eighth review's list).
        ("A: incorrect, the liver filters. C: correct, its ventricles contract.", 2),
        ("A: Incorrect. The liver filters.\nB: Incorrect. The lungs exchange gases.\nC: Correct. The heart pumps.\nD: Incorrect.", 2),
        ("C: correct. A, B and D: wrong.", 2),
        ("A: wrong. B: wrong. D: wrong. The heart's ventricles contract.", 2),
        ("Only C is correct: the others filter or exchange gases.", 2),
        // A correction's label names no case (eighth review).
        ("Correction: the correct answer is C, since the heart pumps.", 2),
        ("The answer is A. Wait: the right choice is C.", 2),
        ("Update: C is correct.", 2),
        ("Erratum: the answer is C.", 2),
        // The letter's own option text later in the sentence (eighth review).
        ("C is correct because the heart pumps blood.", 2),
        ("C is right, as the heart is a pump.", 2),
        ("C is the only correct option; the liver filters.", 2),
        ("D is the only right answer here.", 3),
        ("That is why C is correct.", 2),
        ("Statement C is correct.", 2),
        ("C is the most accurate statement.", 2),
        ("C is the best description.", 2),
        ("This makes C the best choice.", 2),
        ("Which makes option C the correct answer.", 2),
        ("Correct: C. The heart's ventricles contract about once a second.", 2),
        ("The heart is correct: its ventricles contract about once a second.", 2),
        ("The heart is right, as its ventricles contract.", 2),
        ("The correct option is the third one.", 2),
        ("A, B and D are incorrect.", 2),
        ("Options A, B, and D are all wrong.", 2),
        ("C) The heart is correct.", 2),
        ("(C) The heart is the right answer.", 2),
        ("The correct statement is C.", 2),
        ("The true statement is C.", 2),
        ("The correct answer in this case is C.", 2),
        ("The answer, therefore, is C.", 2),
        ("C is indeed correct.", 2),
        ("C is clearly the right answer.", 2),
        ("C is the one that pumps blood around the body.", 2),
        ("A is wrong, B is wrong, D is wrong.", 2),
        ("Options A, B and D are incorrect because they filter or exchange gases.", 2),
        ("The heart contracts about once a second. So C.", 2),
        ("Therefore, C.", 2),
        ("Answer C. The heart contracts about once a second.", 2),
        ("Answer (C).", 2),
        // Fourth review: a reason after the statement, a bracket, the letter and its text.
        ("The correct answer is C because when the ventricles contract blood leaves the heart.", 2),
        ("The correct answer is C: if it stopped, blood would not move.", 2),
        ("The correct answer is C (the heart).", 2),
        ("The correct answer is C) The heart.", 2),
        ("(C) is correct: its ventricles may contract seventy times a minute.", 2),
        ("In fact, the correct answer is C.", 2),
        ("The answer is clearly C.", 2),
        ("The correct answer is C (the heart).", 2),
        ("Actually, the correct answer is C.", 2),
        ("The answer to this question is C.", 2),
    ]

    static let notStating: [String] = [
        "The heart is right at the centre of the chest.",  // `right at`: a place, not a verdict
        "The heart is correctly placed in the chest.",
        "A and B are wrong.",                              // two of four denied: C or D remain
        "Vitamin C is correct in small doses.",            // a letter that is no option reference
        "So C is about the heart.",
        "Students who think A is correct confuse filtering with pumping.",
        "The correct option is the one left.",
        "C is also correct.",                              // more than one key is claimed
        "C is the one that filters blood.",                // the one that does something else
        "C) The lungs is correct.",                        // a letter with another option's text
        "This is option C's job, not the lungs'.",
        "The heart, whatever the lungs think it is",       // ends on `is`: nothing after the verb
        // Found by review: conditions, hedges, articles read as letters, verdicts on a part.
        "If the question asked for a filter, the answer would be A. Here it asks for a pump.",
        "The correct answer would be C if blood were still, but it is not.",
        "The answer should be C, but the key says D.",
        "The correct answer must be C if the body is a mammal's.",
        "Forgetting that the liver filters would make A the correct answer, but the heart pumps.",
        "Confusing filtering with pumping makes A the right answer, a common mistake.",
        "A correctly sized heart pumps five litres a minute.",
        "A best practice is to compare the organs.",
        "Option A correctly notes that the liver is large but it does not pump.",
        "B best illustrates the common misconception that the lungs pump.",
        "This is option A, the most common mistake.",
        "That is choice B, which confuses breathing with pumping.",
        "Correct: A common mistake is to pick the liver because it is large.",
        "Correct: Option A fails because the liver filters.",
        "Angle A is acute and C is right, so the heart diagram is a triangle.",
        "So C is true for every mammal.",
        "A or B are wrong only if the body is a fish's.",
        "A and B were wrong in the 1990 edition, which listed them.",
        "A and B are wrong in the old key.",
        "So C and D remain.",
        "Answer A question about the heart first.",
        "A: correct, C: correct.",                              // two right
        "C: correct only in mammals.",                          // a case after the verdict
        "Many think A: correct. In fact the liver filters.",    // a belief
        "A: correct? No, the liver filters.",                   // a question
        "C: right ventricle and left ventricle both pump.",     // `right` is no verdict there
        "Answer C, then D, to see why.",
        // Naming what the question describes states nothing: review found it naming a wrong option
        // where the question asks for a mistaken, reversed or contrasted one (`DescribedKeyTests`).
        "The organ is the heart, whose ventricles contract.",
        "This describes the heart: its ventricles contract.",
        "This is known as the heart.",
        "That defines the heart.",
        "The organ is the heart only in mammals.",
        "The organ is not the liver, which filters.",      // a denial names no key
        "The body is the heart's concern.",
        "This describes the lungs better than the heart.",
        "The organ is the heart or the lungs, depending on the animal.",
        "The heart, not the liver, is the correct answer.",   // the subject after the comma is denied
        // Third review: beliefs, hedges, conditions, cases, questions, quotes, a second key.
        "You might think the correct answer is A, but the heart pumps.",
        "Students often assume the answer is A.",
        "A common wrong belief is that the answer is A.",
        "A is correct only if you count filtering as pumping.",
        "A is right for filtering. For pumping, the heart.",
        "A is right? No: the heart pumps.",
        "\"A is correct,\" a student might say, but the heart pumps.",
        "The answer is A only in the sense that it handles blood.",
        "The correct answer is A for filtering, and C for pumping.",
        "The liver is the correct answer for detoxification.",
        "Choose the liver and you have named the body's filter, not its pump.",
        "The last option is the right one for filtering.",
        "This makes A the best choice for filtering, but not here.",
        "A is correct. The heart, C, is correct as well.",
        "A is correct — or so the old textbook claimed.",
        "The liver is correct, although the heart pumps the blood.",
        "Wrong reasoning: \"The liver is large. Therefore, A.\" The heart pumps.",   // a quote over two sentences
        // Fourth review: a case or a time before the statement, an answer someone gives, two keys.
        "Before 1628, the correct answer was A, until Harvey showed that the heart pumps.",
        "For fish the answer is B.",
        "At first glance the answer is A.",
        "The obvious answer is A, but the heart pumps.",
        "Most students reply that the answer is A.",
        "C is correct, and so is D.",
        "Twenty years ago, the answer was A.",
        "The correct answer is A, at birth.",
        "A, B and D are wrong, students might argue, if the question meant filtering.",
        // Fifth review: hedges, past times, viewpoints, frequencies, someone's answer.
        "Perhaps the answer is A.", "Arguably, A is correct.", "Historically, the answer was A.", "Back then the answer was A.",
        "Technically, A is correct.", "Usually the answer is A.", "To many people, the answer is A.", "The crowd's answer is A.",
        "Legend has it that the answer is A.", "Many suspect the answer is A.", "The answer is A, perhaps.",
        "Ask most visitors and the answer is A.", "Formerly, A was correct.", "It is false that the answer is A.",
        "Stop thinking the answer is A.", "Population-wise, the answer is A.", "Doctors agreed, so in 1600 the answer was A.",
        // Sixth review: a letter with another option's text, a later self-correction.
        "The correct answer is A (the heart).", "The correct answer is B, the heart.", "The answer is A: the heart pumps.",
        "The correct answer is B. Wait, actually it is C: the heart pumps.", "The answer is A. Sorry, I meant C.",
        "The correct answer is A. Update: it is C.", "The answer is A... just kidding, it is C.",
        // Seventh review: more corrections, a label naming a case, a viewpoint after a comma.
        "The answer is A. No, sorry, C.", "The correct answer is A. Edit: it is C.", "The correct answer is A (typo; should be C).",
        "The answer is A, no wait, C.", "The answer is A; that is a distractor.", "Filtering: A is correct. Pumping: C.",
        "A is the correct answer, per the 1990 key.", "The correct answer is A. Disregard that: C is correct.",
        "If the liver is the correct answer, why does it not pump?",
        "The heart is the liver's neighbour.",             // `heart` is an option's word
        "This describes C.",                               // a letter is read by the letter rules
        "In summary, the organ is the heart.",             // not opening the sentence
        "The organ is not the liver, which filters. The organ is the heart.",  // not the first sentence
        "The organ was the heart.",                        // `was`: a past fact
        "It is known as the heart.",                       // `it` may be a wrong option just described
        "The organ is the heart, some think; in fact the lungs pump.",  // another option named
    ]

    @Test(arguments: stating.indices)
    func states(_ index: Int) {
        let (text, key) = Self.stating[index]
        let result = KeyInference.infer(question: Self.question, options: Self.options, explanation: text)
        #expect(result.key == AnswerKey(index: key, source: .stated), "\(text): \(result)")
    }

    @Test(arguments: notStating)
    func statesNothing(_ text: String) {
        let result = KeyInference.infer(question: Self.question, options: Self.options, explanation: text)
        #expect(result.key?.source != .stated, "\(text): \(result)")
    }

    /// Every phrase of these tests and of the rule tests, cut after each of its words (a sentence
    /// that stops at `is`, at `the`, at a letter), is read without a trap, and so is each cut
    /// followed by the options' own words.
    @Test func everyCutOfEveryPhraseIsRead() {
        let rules = KeyInferenceRuleTests.cases + KeyInferenceRuleTests.statedCases
        let phrases = Self.stating.map(\.0) + Self.notStating + rules.map(\.explanation)
        var cuts = 0
        for phrase in phrases {
            let words = phrase.split(separator: " ")
            for end in words.indices {
                let cut = words[...end].joined(separator: " ")
                for text in [cut, cut + " the heart", cut + " C"] {
                    _ = KeyInference.infer(question: Self.question, options: Self.options, explanation: text)
                    cuts += 1
                }
            }
        }
        #expect(cuts > 1_000)
    }
}

/// The answer named by part of an option's words; `the one` qualified by the question's own words
/// states nothing (`Argon is the noble one, but not the lightest`).
@Suite struct StatedByTheQuestionTests {
    static let cases: [KeyInferenceRuleTests.Case] = [
        .init(rule: "the answer is a part of one option", question: "What does the network learn to approximate?",
              options: ["The exact density", "A discriminator", "The score of the noisy marginal", "The inverse drift"],
              explanation: "The answer is the score function. Anderson showed that the reversed process depends on it.", key: 2),
    ]
    static let notStating: [KeyInferenceRuleTests.Case] = [
        // `the X one` with the question's own words was read as stated until review found `Argon is
        // the noble one, but not the lightest` (a class word of the question, not what it asks).
        .init(rule: "the question's one, by text", question: "Which of these drugs is a selective blocker?",
              options: ["Metoprolol", "Propranolol", "Salbutamol"],
              explanation: "Metoprolol is the selective one. Propranolol blocks both receptors.", key: nil),
        .init(rule: "a class word of the question", question: "Which noble gas is the lightest?",
              options: ["Argon", "Neon", "Helium", "Xenon"],
              explanation: "Argon is the noble one, but not the lightest.", key: nil),
        .init(rule: "the other one", question: "Which of these drugs is a selective blocker?",
              options: ["Metoprolol", "Propranolol", "Salbutamol"],
              explanation: "Propranolol is the other one, which blocks both receptors.", key: nil),
        .init(rule: "a one not the question's", question: "Which of these drugs is a selective blocker?",
              options: ["Metoprolol", "Propranolol", "Salbutamol"],
              explanation: "Propranolol is the older one, and it blocks both receptors.", key: nil),
        .init(rule: "a part found in two options", question: "What does the network learn to approximate?",
              options: ["The score of the data", "A discriminator", "The score of the noisy marginal"],
              explanation: "The answer is the score function.", key: nil),
    ]

    @Test(arguments: cases)
    func states(_ example: KeyInferenceRuleTests.Case) {
        let result = KeyInference.infer(question: example.question, options: example.options, explanation: example.explanation)
        #expect(result.key == example.key.map { AnswerKey(index: $0, source: .stated) }, "\(example.rule): \(result)")
    }

    @Test(arguments: notStating)
    func statesNothing(_ example: KeyInferenceRuleTests.Case) {
        let result = KeyInference.infer(question: example.question, options: example.options, explanation: example.explanation)
        #expect(result.key?.source != .stated, "\(example.rule): \(result)")
    }
}

/// Every option but one denied states the one left, only when nothing is stated and the
/// question does not ask for the false or the wrong; no options at all traps nothing.
@Suite struct EliminationTests {
    typealias Case = KeyInferenceRuleTests.Case
    static let noKeys: [Case] = [
        Case(rule: "a denial then a statement of the same", question: "Which is right?", options: ["One", "Two"],
             explanation: "B is wrong according to the old key; B is correct.", key: nil),
        Case(rule: "a denial then a statement of another denied", question: "Which is right?", options: ["One", "Two", "Three"],
             explanation: "A is wrong. B is wrong. In fact A is correct.", key: nil),
        Case(rule: "the question asks for the false one", question: "Which statement is false?",
             options: ["Sound travels in air", "Sound travels in a vacuum"],
             explanation: "B is the false statement: sound needs a medium.", key: nil),
        Case(rule: "the question asks for the incorrect one", question: "Which statement is incorrect?",
             options: ["Sound travels in air", "Sound travels in a vacuum"],
             explanation: "B is incorrect: sound needs a medium.", key: nil),
        Case(rule: "a denial by text", question: "Which metal is liquid at room temperature?",
             options: ["Iron", "Mercury"], explanation: "The answer is not iron.", key: nil),
    ]

    @Test(arguments: noKeys)
    func statesNothing(_ example: Case) {
        let result = KeyInference.infer(question: example.question, options: example.options, explanation: example.explanation)
        #expect(result.key?.source != .stated, "\(example.rule): \(result)")
    }

    /// `So C.` where an option is the letter's word (the language C, `C major`) names nothing.
    @Test func aLetterThatIsAnOptionsWordIsNoLetterSentence() {
        let language = KeyInference.infer(question: "Which language was Unix rewritten in?", options: ["Assembly", "C", "Pascal", "Fortran"],
                                          explanation: "Ritchie rewrote the kernel in the language he designed. Thus C.")
        #expect(language.key?.source != .stated, "\(language)")
        let key = KeyInference.infer(question: "Which key has no sharps?", options: ["G major", "D major", "F major", "C major"],
                                     explanation: "Its scale uses only the white keys starting on C. So C.")
        #expect(key.key?.source != .stated, "\(key)")
    }

    /// A letter that is an option's word (`Vitamin A`) names its option when that option's own
    /// text follows it (`The answer is A, protein;`, an outside review); another option's text, or
    /// none, still leaves it no letter.
    @Test func aSymbolLetterWithItsOptionsTextNamesIt() {
        let options = ["Protein", "Vitamin A", "Iodine", "Fat"], question = "Which deficiency causes kwashiorkor?"
        let stated = KeyInference.infer(question: question, options: options,
                                        explanation: "The answer is A, protein; the swollen belly comes from fluid retention.")
        #expect(stated.key == AnswerKey(index: 0, source: .stated), "\(stated)")
        let bracketed = KeyInference.infer(question: question, options: options, explanation: "The answer is A (protein).")
        #expect(bracketed.key == AnswerKey(index: 0, source: .stated), "\(bracketed)")
        for explanation in ["The answer is A, iodine.", "The answer is A.", "The answer is A, as in vitamin A."] {
            let result = KeyInference.infer(question: question, options: options, explanation: explanation)
            #expect(result.key?.source != .stated, "\(explanation): \(result)")
        }
    }

    @Test(arguments: ["The last option is correct.", "Pick the last one.", "the last one", "The correct answer is the last."])
    func noOptionsTrapNothing(_ text: String) {
        #expect(KeyInference.infer(question: "Which?", options: [], explanation: text).key == nil)
    }
}

/// A worked calculation's result points to the option with that number (`ComputedValue`): weighed
/// evidence, taken with `--infer-keys`.
@Suite struct ComputedValueTests {
    typealias Case = KeyInferenceRuleTests.Case
    static let cases: [Case] = [
        Case(rule: "a chain's last result", question: "The marginal propensity to consume is 0.8. What is the multiplier?",
             options: ["0.8", "1.25", "4", "5"],
             explanation: "The simple multiplier is 1/(1 − MPC) = 1/0.2 = 5, so each extra dollar raises output by five.", key: 3),
        Case(rule: "a fraction for a percentage", question: "What is the efficiency of an engine between 600 K and 300 K?",
             options: ["25%", "50%", "75%", "100%"], explanation: "The Carnot efficiency is η = 1 − Tc/Th = 1 − 300/600 = 0.5.", key: 1),
        Case(rule: "a percentage for a fraction", question: "What share of the draws are red?",
             options: ["0.25", "0.4", "0.6"], explanation: "Six of fifteen: 6/15 = 40%, the rest are blue.", key: 1),
        Case(rule: "the same unit", question: "How fast does the cart move after 4 s?",
             options: ["8 m/s", "12 m/s", "16 m/s"], explanation: "Its speed is v = at = 3 × 4 = 12 m/s.", key: 1),
        Case(rule: "a number word option", question: "What is the change in internal energy?",
             options: ["Zero", "One", "Two"], explanation: "At constant temperature ΔU = 0.", key: 0),
        Case(rule: "thousands", question: "How many seconds are in a day?",
             options: ["3,600", "86,400", "604,800"], explanation: "24 × 3,600 = 86,400 seconds.", key: 1),
    ]
    static let noKeys: [Case] = [
        Case(rule: "two results, each an option", question: "The propensity to consume is 0.8. What is the multiplier?",
             options: ["0.2", "1.25", "5"], explanation: "Here 1 − 0.8 = 0.2, so the multiplier is 1/0.2 = 5.", key: nil),
        Case(rule: "another unit", question: "How fast does the jet fly?", options: ["200 km/h", "720 km/h"],
             explanation: "Its speed is v = 200 m/s.", key: nil),
        Case(rule: "a warned calculation", question: "The propensity to consume is 0.8. What is the multiplier?",
             options: ["1.25", "5"], explanation: "A common mistake is 1/0.8 = 1.25.", key: nil),
        Case(rule: "the question's data", question: "With k = 2 successes in n trials, what is n?",
             options: ["2", "3", "4"], explanation: "We have k = 2, and the rest follows.", key: nil),
        Case(rule: "a term, not a result", question: "What is the product?", options: ["2", "10"],
             explanation: "It is = 2 × 5 by the rule.", key: nil),
        Case(rule: "an option that is no number", question: "What is the change in internal energy?",
             options: ["Positive", "Zero", "Equal to the work done"], explanation: "At constant temperature ΔU = 0.", key: nil),
    ]

    @Test(arguments: cases)
    func computes(_ example: Case) {
        let result = KeyInference.infer(question: example.question, options: example.options, explanation: example.explanation)
        #expect(result.key == example.key.map { AnswerKey(index: $0, source: .inferred(confidence: 1)) }, "\(example.rule): \(result)")
    }

    /// A step computed, then adjusted in words: the calculation and the words disagree, no key; a
    /// plain import (stated keys only) never takes a computed one.
    @Test func aComputedStepAdjustedInWordsIsNoKey() {
        let options = ["62", "64", "30", "126"]
        let question = "How many usable host addresses does an IPv4 subnet with a /26 prefix provide?"
        let explanation = "A /26 prefix leaves 32 − 26 = 6 bits for the host part, giving 2⁶ = 64 addresses in the block. "
            + "Two of them cannot be assigned to hosts: the network and the broadcast address."
        #expect(ComputedValue.key(question: question, options: options, explanation: explanation) == 1)
        let parsed = QuizParser.parse(text: "Question 1 Multiple Choice\n\(question)\n" + options.enumerated().map {
            "\(Character(UnicodeScalar(UInt8(65 + $0.offset))))\($0.element)\n" }.joined() + explanation + "\n")
        #expect(parsed.items.first?.kind.key == nil)
    }

    @Test(arguments: noKeys)
    func computesNothing(_ example: Case) {
        #expect(ComputedValue.key(question: example.question, options: example.options, explanation: example.explanation) == nil,
                "\(example.rule)")
    }
}

/// `The answer is nine` for the option `9`, and `The answer is 9` for `Nine` (held-out round n15):
/// a number word and its figure name the same option.
@Suite struct StatedNumberWordTests {
    static let question = "How many countries share a land border with Germany?"

    @Test(arguments: [("The answer is nine: Denmark, Poland and seven more.", ["7", "8", "9", "10"], 2 as Int?),
                      ("The correct answer is ten.", ["7", "8", "9", "10"], 3),
                      ("The answer is 9, counting Denmark.", ["Seven", "Eight", "Nine", "Ten"], 2),
                      ("The answer is nine times larger than you think.", ["7", "8", "9", "10"], nil),
                      ("The answer is not nine.", ["7", "8", "9", "10"], nil),
                      ("C is correct because nine is the count.", ["7", "8", "9", "10"], 2),
                      ("C is correct because 9 is the count.", ["7", "8", "9", "10"], 2)])
    func aNumberWordNamesItsFigure(explanation: String, options: [String], key: Int?) {
        let result = KeyInference.infer(question: Self.question, options: options, explanation: explanation)
        if let key { #expect(result.key == AnswerKey(index: key, source: .stated), "\(result)") }
        else { #expect(result.key?.source != .stated, "\(result)") }
    }
}
