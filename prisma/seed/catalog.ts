import type { ShopProfile } from "../../server/tenants/profile-schema";
import type { Rng } from "./rng";

// What each demo shop sells, plus the shop-specific extras: preferences, polls and the
// stores a customer may prefer. Prices are VAT-inclusive, in cents of the locale's base
// currency (RON for Romania, BGN for Bulgaria, EUR for Greece).

export type Product = {
  sku: string;
  name: string;
  category: string;
  priceCents: number;
  /** Durable goods get a warranty certificate (2 years). */
  durable: boolean;
  maxQuantity: number;
};

export type Poll = { poll: string; question: string; answers: readonly string[] };

export type Catalog = {
  kind: "design" | "glassware" | "photo" | "jewellery" | "general";
  products: readonly Product[];
  polls: readonly Poll[];
  preferences: (rng: Rng, ctx: { shopName: string; cities: readonly string[] }) => [string, string][];
};

const p = (sku: string, name: string, category: string, price: number, durable = false, maxQuantity = 1): Product => ({
  sku,
  name,
  category,
  priceCents: Math.round(price * 100),
  durable,
  maxQuantity,
});

const DESIGN: Catalog = {
  kind: "design",
  products: [
    p("ALM-CHR-0112", "Lounge chair, walnut and cognac leather", "Furniture", 8900, true),
    p("ALM-TBL-0180", "Solid oak dining table, 180 cm", "Furniture", 5400, true),
    p("ALM-SOF-0303", "Three-seater velvet sofa, emerald", "Furniture", 7800, true),
    p("ALM-CHR-0205", "Upholstered dining chair, oatmeal boucle", "Furniture", 1150, true, 6),
    p("ALM-SBD-0041", "Sideboard, smoked oak, 160 cm", "Furniture", 6200, true),
    p("ALM-SHF-0090", "Modular bookshelf, black steel", "Furniture", 2790, true),
    p("ALM-NST-0017", "Bedside table, ash", "Furniture", 990, true, 2),
    p("ALM-LMP-0520", "Brass arc floor lamp", "Lighting", 1290, true),
    p("ALM-LMP-0611", "Opal glass pendant light", "Lighting", 980, true, 3),
    p("ALM-LMP-0707", "Ceramic table lamp, sand", "Lighting", 560, true, 2),
    p("ALM-TXT-1050", "Linen cushion cover 50×50, terracotta", "Textiles", 149, false, 4),
    p("ALM-TXT-1160", "Hand-tufted wool rug 160×230", "Textiles", 2350),
    p("ALM-TXT-1201", "Merino throw blanket, charcoal", "Textiles", 459, false, 2),
    p("ALM-TXT-1240", "Washed linen curtains, pair", "Textiles", 690, false, 3),
    p("ALM-DEC-2010", "Stoneware vase, matte sand", "Decor", 219, false, 3),
    p("ALM-DEC-2033", "Round wall mirror, 80 cm", "Decor", 890),
    p("ALM-DEC-2104", "Scented candle, fig and cedar", "Decor", 129, false, 4),
    p("ALM-DEC-2150", "Framed art print 50×70, abstract", "Decor", 399, false, 3),
    p("ALM-DEC-2188", "Walnut serving tray", "Decor", 249, false, 2),
    p("ALM-SRV-9001", "Interior design consultation, 2 hours", "Services", 750),
  ],
  polls: [
    {
      poll: "home-style-2023",
      question: "Which style describes your home best?",
      answers: ["Scandinavian", "Mid-century modern", "Industrial", "Classic", "Japandi"],
    },
    {
      poll: "showroom-visit-2024",
      question: "How did you find your last showroom visit?",
      answers: ["Excellent", "Good", "Average", "I have not visited"],
    },
    {
      poll: "next-project-2025",
      question: "Which room are you planning to refresh next?",
      answers: ["Living room", "Bedroom", "Kitchen and dining", "Home office", "Terrace"],
    },
  ],
  preferences: (r, ctx) => [
    ["favouriteCategories", r.sample(["Furniture", "Lighting", "Textiles", "Decor"], r.int(1, 3)).join(", ")],
    ["preferredStyle", r.pick(["Scandinavian", "Mid-century modern", "Industrial", "Japandi", "Classic"])],
    ["preferredStore", `${ctx.shopName} showroom ${r.pick(ctx.cities)}`],
  ],
};

const GLASSWARE: Catalog = {
  kind: "glassware",
  products: [
    p("CRY-WIN-0601", "Crystal red wine glasses, set of 6", "Glasses", 189, false, 2),
    p("CRY-WIN-0602", "Crystal white wine glasses, set of 6", "Glasses", 175, false, 2),
    p("CRY-CHA-0610", "Crystal champagne flutes, set of 6", "Glasses", 169, false, 2),
    p("CRY-WHI-0202", "Cut-crystal whisky tumblers, set of 2", "Glasses", 79, false, 3),
    p("CRY-DEC-1001", "Crystal decanter, 1 L", "Decanters and jugs", 149),
    p("CRY-JUG-1107", "Water jug with 6 glasses", "Decanters and jugs", 119),
    p("CRY-VAS-3030", "Cut-crystal vase, 30 cm", "Decor", 219),
    p("CRY-BWL-3112", "Lead-free crystal fruit bowl", "Decor", 99, false, 2),
    p("CRY-CND-3205", "Crystal candle holders, pair", "Decor", 59, false, 3),
    p("CRY-CHN-3906", "Crystal chandelier, 6 arms", "Lighting", 1290, true),
    p("CRY-LMP-3920", "Crystal table lamp", "Lighting", 345, true, 2),
    p("CRY-DIN-5018", "Porcelain dinner set, 18 pieces", "Tableware", 329),
    p("CRY-CUT-5124", "Stainless cutlery set, 24 pieces", "Tableware", 259),
    p("CRY-ESP-5206", "Porcelain espresso cups, set of 6", "Tableware", 69, false, 2),
    p("CRY-PLT-5310", "Oval serving platter", "Tableware", 75, false, 2),
    p("CRY-CAK-5402", "Glass cake stand with dome", "Tableware", 89),
    p("CRY-TRO-5501", "Hand-painted Troyan pottery bowl", "Tableware", 45, false, 4),
  ],
  polls: [
    {
      poll: "table-setting-2023",
      question: "For which occasions do you buy tableware most?",
      answers: ["Weddings and gifts", "Holidays", "Everyday use", "Restaurant or hotel"],
    },
    {
      poll: "delivery-2024",
      question: "How satisfied were you with the packaging of fragile items?",
      answers: ["Very satisfied", "Satisfied", "Not satisfied"],
    },
  ],
  preferences: (r, ctx) => [
    [
      "favouriteCategories",
      r.sample(["Glasses", "Decanters and jugs", "Decor", "Lighting", "Tableware"], r.int(1, 3)).join(", "),
    ],
    ["giftWrapping", r.pick(["always", "ask me", "never"])],
    ["preferredStore", `${ctx.shopName} ${r.pick(ctx.cities)}`],
  ],
};

const PHOTO: Catalog = {
  kind: "photo",
  products: [
    p("MI-CAM-24FF", "Full-frame mirrorless camera body, 24 MP", "Cameras", 9499, true),
    p("MI-CAM-33FF", "Full-frame mirrorless camera body, 33 MP", "Cameras", 12999, true),
    p("MI-CAM-APSK", "APS-C mirrorless camera with 18-55 mm lens", "Cameras", 4299, true),
    p("MI-CAM-CMPT", "Premium compact camera, 1-inch sensor", "Cameras", 3799, true),
    p("MI-CAM-INST", "Instant camera", "Cameras", 499, true),
    p("MI-LNS-2470", "24-70 mm f/2.8 zoom lens", "Lenses", 8999, true),
    p("MI-LNS-5018", "50 mm f/1.8 prime lens", "Lenses", 1099, true),
    p("MI-LNS-7020", "70-200 mm f/4 telephoto lens", "Lenses", 6499, true),
    p("MI-LNS-1635", "16-35 mm f/4 wide-angle lens", "Lenses", 5299, true),
    p("MI-FLS-0600", "Speedlight flash", "Lighting", 1199, true),
    p("MI-LED-0120", "LED video light panel", "Lighting", 429, true),
    p("MI-TRP-0055", "Carbon travel tripod", "Accessories", 549, true),
    p("MI-GMB-0300", "Smartphone gimbal stabiliser", "Accessories", 599, true),
    p("MI-DRN-4K01", "Folding drone with 4K camera", "Drones", 3999, true),
    p("MI-SDC-128U", "SD card 128 GB UHS-II", "Accessories", 389, false, 3),
    p("MI-BAT-0410", "Spare camera battery", "Accessories", 329, false, 2),
    p("MI-BAG-2010", "Camera backpack, 20 L", "Accessories", 699),
    p("MI-FLT-0067", "UV filter 67 mm", "Accessories", 149, false, 2),
    p("MI-FLM-0020", "Instant film, twin pack", "Film and prints", 89, false, 5),
    p("MI-PRT-1015", "Photo prints 10×15, 50 pieces", "Film and prints", 45, false, 3),
    p("MI-WKS-0001", "Photo workshop ticket: street photography", "Workshops", 350),
  ],
  polls: [
    {
      poll: "photo-interests-2023",
      question: "What do you photograph most?",
      answers: ["Landscapes", "Portraits", "Street", "Travel", "Sport and wildlife", "Video"],
    },
    {
      poll: "workshop-feedback-2024",
      question: "Which workshop topic should we run next?",
      answers: ["Night photography", "Studio lighting", "Photo editing", "Drone flying", "Film photography"],
    },
  ],
  preferences: (r, ctx) => [
    ["cameraSystem", r.pick(["Full-frame mirrorless", "APS-C mirrorless", "DSLR", "Compact", "Smartphone"])],
    [
      "interests",
      r.sample(["Landscapes", "Portraits", "Street", "Travel", "Wildlife", "Video"], r.int(1, 3)).join(", "),
    ],
    ["preferredStore", `${ctx.shopName} ${r.pick(ctx.cities)}`],
  ],
};

const JEWELLERY: Catalog = {
  kind: "jewellery",
  products: [
    p("ALG-RNG-0030", "18k gold solitaire ring, 0.30 ct diamond", "Rings", 1890, true),
    p("ALG-RNG-0105", "Wedding band, 18k yellow gold", "Rings", 650),
    p("ALG-RNG-0212", "Sterling silver stacking ring", "Rings", 75, false, 3),
    p("ALG-EAR-0310", "Sterling silver hoop earrings", "Earrings", 89),
    p("ALG-EAR-0420", "Emerald drop earrings, 18k gold", "Earrings", 1480, true),
    p("ALG-EAR-0433", "Freshwater pearl studs", "Earrings", 120),
    p("ALG-BRC-0501", "White gold tennis bracelet", "Bracelets", 2450, true),
    p("ALG-BRC-0544", "Evil eye bracelet, 14k gold", "Bracelets", 180, false, 2),
    p("ALG-BRC-0580", "Silver charm bracelet", "Bracelets", 120),
    p("ALG-NCK-0601", "Freshwater pearl necklace, 45 cm", "Necklaces", 320),
    p("ALG-NCK-0655", "Rose gold pendant with sapphire", "Necklaces", 540),
    p("ALG-NCK-0690", "Byzantine-style cross, 14k gold", "Necklaces", 260),
    p("ALG-WAT-0738", "Automatic watch, steel, 38 mm", "Watches", 1250, true),
    p("ALG-WAT-0742", "Ladies' watch, gold-plated", "Watches", 390, true),
    p("ALG-ACC-0801", "Sterling silver cufflinks", "Accessories", 140),
    p("ALG-ACC-0890", "Jewellery cleaning kit", "Accessories", 25, false, 2),
    p("ALG-SRV-0901", "Engraving service", "Services", 30),
  ],
  polls: [
    {
      poll: "gifting-2023",
      question: "Who do you usually buy jewellery for?",
      answers: ["Myself", "My partner", "Family", "Friends"],
    },
    {
      poll: "collection-2024",
      question: "Which collection would you like to see next?",
      answers: ["Minimal gold", "Coloured gemstones", "Vintage-inspired", "Men's jewellery"],
    },
    {
      poll: "store-experience-2025",
      question: "How would you rate our in-store service?",
      answers: ["Excellent", "Good", "Average", "Poor"],
    },
  ],
  preferences: (r, ctx) => [
    ["ringSize", String(r.int(48, 60))],
    ["favouriteMetal", r.pick(["Yellow gold", "White gold", "Rose gold", "Sterling silver", "Platinum"])],
    [
      "favouriteCategories",
      r.sample(["Rings", "Earrings", "Bracelets", "Necklaces", "Watches"], r.int(1, 3)).join(", "),
    ],
    ["preferredStore", `${ctx.shopName} ${r.pick(ctx.cities)}`],
  ],
};

const GENERAL: Catalog = {
  kind: "general",
  products: [
    p("GEN-0001", "Canvas tote bag", "Accessories", 25, false, 3),
    p("GEN-0002", "Insulated water bottle", "Accessories", 30, false, 2),
    p("GEN-0003", "Wireless headphones", "Electronics", 180, true),
    p("GEN-0004", "Desk lamp", "Home", 65, true),
    p("GEN-0005", "Notebook, A5, dotted", "Stationery", 12, false, 5),
    p("GEN-0006", "Coffee grinder", "Home", 95, true),
    p("GEN-0007", "Wool scarf", "Clothing", 55),
    p("GEN-0008", "Gift card", "Gifts", 50),
  ],
  polls: [
    {
      poll: "satisfaction-2024",
      question: "How likely are you to recommend us?",
      answers: ["Very likely", "Likely", "Unlikely"],
    },
  ],
  preferences: (r, ctx) => [
    ["favouriteCategories", r.sample(["Accessories", "Electronics", "Home", "Clothing"], r.int(1, 2)).join(", ")],
    ["preferredStore", `${ctx.shopName} ${r.pick(ctx.cities)}`],
  ],
};

const BY_HANDLE: Record<string, Catalog> = {
  almaz: DESIGN,
  crystalline: GLASSWARE,
  "micro-image": PHOTO,
  allegra: JEWELLERY,
};

/** The catalogue for a shop: by handle for the demo shops, else guessed from its profile. */
export function catalogFor(profile: ShopProfile): Catalog {
  const known = BY_HANDLE[profile.handle];
  if (known) return known;
  const text = `${profile.name} ${profile.branding.tagline}`.toLowerCase();
  if (/camera|photo|lens/.test(text)) return PHOTO;
  if (/jewel|gold|diamond|watch/.test(text)) return JEWELLERY;
  if (/crystal|glass|tableware|porcelain/.test(text)) return GLASSWARE;
  if (/design|furniture|decor|interior/.test(text)) return DESIGN;
  return GENERAL;
}

/** Short upper-case prefix for document numbers ("ALM-2023-000123"). */
export function numberPrefix(handle: string): string {
  const overrides: Record<string, string> = { allegra: "ALG", "micro-image": "MIC", crystalline: "CRY", almaz: "ALM" };
  if (overrides[handle]) return overrides[handle];
  const letters = handle.replace(/[^a-z]/g, "").toUpperCase();
  return `${letters}XXX`.slice(0, 3);
}

export const PROFESSIONS = [
  "Architect",
  "Software engineer",
  "Teacher",
  "Physician",
  "Accountant",
  "Interior designer",
  "Marketing manager",
  "Lawyer",
  "Pharmacist",
  "Civil engineer",
  "Entrepreneur",
  "Sales manager",
  "Dentist",
  "Project manager",
  "Photographer",
  "University lecturer",
  "Nurse",
  "Financial analyst",
];

/** Monthly household income bands in the shop's currency. */
export function incomeBands(currency: string): string[] {
  switch (currency) {
    case "RON":
      return ["under RON 4,000", "RON 4,000–8,000", "RON 8,000–12,000", "RON 12,000–20,000", "over RON 20,000"];
    case "BGN":
      return ["under BGN 2,000", "BGN 2,000–4,000", "BGN 4,000–6,000", "BGN 6,000–10,000", "over BGN 10,000"];
    case "USD":
      return ["under $4,000", "$4,000–8,000", "$8,000–12,000", "$12,000–20,000", "over $20,000"];
    default:
      return ["under €1,000", "€1,000–2,000", "€2,000–3,500", "€3,500–6,000", "over €6,000"];
  }
}
