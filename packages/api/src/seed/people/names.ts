import type { Ethnicity } from "@waymark/core";

/**
 * Given names and family names for the demo people, grouped loosely by background so a name and a recorded
 * ethnic group sit together plausibly. Every person is made up: names are combined at random with made-up
 * dates of birth, addresses and NHS numbers from the test range.
 */
export type NameGroup = "BRITISH" | "IRISH" | "POLISH" | "SOUTH_ASIAN" | "AFRICAN" | "CARIBBEAN" | "CHINESE";

interface NamePool {
  readonly female: readonly string[];
  readonly male: readonly string[];
  readonly family: readonly string[];
}

export const NAME_POOLS: Record<NameGroup, NamePool> = {
  BRITISH: {
    female: ["Amy", "Charlotte", "Chloe", "Claire", "Danielle", "Emma", "Gemma", "Hannah", "Jade", "Jodie", "Kayleigh", "Kelly", "Laura", "Leanne", "Lisa", "Lucy", "Michelle", "Natalie", "Rebecca", "Sarah", "Stacey", "Tracey", "Vicky", "Zoe", "Ellie", "Mia", "Lily", "Megan", "Sophie", "Paige"],
    male: ["Adam", "Ben", "Callum", "Carl", "Craig", "Daniel", "Darren", "Dean", "Gary", "James", "Jamie", "Jason", "Kevin", "Lee", "Liam", "Mark", "Martin", "Matthew", "Neil", "Paul", "Richard", "Ryan", "Scott", "Shane", "Stuart", "Wayne", "Alfie", "Kai", "Tyler", "Harvey", "Josh", "Reece"],
    family: ["Allen", "Bailey", "Baker", "Barnes", "Bennett", "Brooks", "Butler", "Carter", "Chapman", "Clarke", "Cole", "Collins", "Cooper", "Cox", "Davies", "Dixon", "Edwards", "Ellis", "Fisher", "Foster", "Gibson", "Green", "Hall", "Harris", "Hayes", "Holmes", "Hughes", "Hunt", "Jenkins", "Knight", "Lawrence", "Lloyd", "Marshall", "Mason", "Mills", "Mitchell", "Morgan", "Palmer", "Parker", "Pearce", "Porter", "Reynolds", "Richards", "Robinson", "Russell", "Shaw", "Simpson", "Stevens", "Turner", "Walker", "Ward", "Watts", "Webb", "Wells", "West", "Wood", "Wright", "Young"],
  },
  IRISH: {
    female: ["Aoife", "Ciara", "Niamh", "Siobhan", "Roisin"],
    male: ["Ciaran", "Declan", "Eoin", "Padraig", "Sean"],
    family: ["Brennan", "Doyle", "Fitzgerald", "Kavanagh", "Maguire", "Nolan", "Quinn", "Ryan"],
  },
  POLISH: {
    female: ["Agnieszka", "Ewa", "Joanna", "Katarzyna", "Magdalena"],
    male: ["Krzysztof", "Marek", "Pawel", "Piotr", "Tomasz"],
    family: ["Kowalczyk", "Lewandowski", "Nowak", "Wojcik", "Zielinski", "Mazur"],
  },
  SOUTH_ASIAN: {
    female: ["Aisha", "Amrit", "Nadia", "Priya", "Sana", "Zainab"],
    male: ["Arjun", "Bilal", "Harpreet", "Imran", "Ravi", "Tariq"],
    family: ["Ahmed", "Begum", "Chaudhry", "Hussain", "Khan", "Malik", "Patel", "Sandhu", "Sharma", "Singh"],
  },
  AFRICAN: {
    female: ["Abena", "Chiamaka", "Ngozi", "Amara"],
    male: ["Chidi", "Emeka", "Kwame", "Tunde"],
    family: ["Adeyemi", "Mensah", "Okafor", "Osei", "Owusu"],
  },
  CARIBBEAN: {
    female: ["Janelle", "Keisha", "Shanice", "Tanisha"],
    male: ["Andre", "Delroy", "Jermaine", "Marlon"],
    family: ["Campbell", "Francis", "Grant", "Thompson", "Williams"],
  },
  CHINESE: {
    female: ["Mei", "Xin"],
    male: ["Wei", "Jun"],
    family: ["Chen", "Li", "Wong"],
  },
};

/** The name group for a person's recorded ethnic group. */
export function nameGroupFor(ethnicity: Ethnicity): NameGroup {
  switch (ethnicity) {
    case "WHITE_IRISH":
      return "IRISH";
    case "WHITE_OTHER":
      return "POLISH";
    case "ASIAN_INDIAN":
    case "ASIAN_PAKISTANI":
    case "ASIAN_BANGLADESHI":
    case "ASIAN_OTHER":
      return "SOUTH_ASIAN";
    case "ASIAN_CHINESE":
      return "CHINESE";
    case "BLACK_AFRICAN":
    case "MIXED_WHITE_AND_BLACK_AFRICAN":
      return "AFRICAN";
    case "BLACK_CARIBBEAN":
    case "BLACK_OTHER":
    case "MIXED_WHITE_AND_BLACK_CARIBBEAN":
      return "CARIBBEAN";
    default:
      return "BRITISH";
  }
}

/** Roughly the make-up of a south-coast city's treatment population. */
export const ETHNICITY_WEIGHTS: readonly (readonly [Ethnicity, number])[] = [
  ["WHITE_BRITISH", 74],
  ["WHITE_OTHER", 6],
  ["WHITE_IRISH", 2],
  ["ASIAN_INDIAN", 2],
  ["ASIAN_PAKISTANI", 2],
  ["ASIAN_BANGLADESHI", 1],
  ["ASIAN_CHINESE", 1],
  ["BLACK_AFRICAN", 2],
  ["BLACK_CARIBBEAN", 2],
  ["MIXED_WHITE_AND_BLACK_CARIBBEAN", 2],
  ["MIXED_WHITE_AND_ASIAN", 1],
  ["OTHER_ANY", 1],
  ["NOT_STATED", 4],
];
