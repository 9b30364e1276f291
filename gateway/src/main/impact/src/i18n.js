// The page's own words in the three languages of the network. Indicator titles come from the
// definitions (GET /api/v1/indicators/definitions); these are the fallbacks and the page's text.

export const LANGUAGES = {
  fr: { name: "Français", dir: "ltr", locale: "fr-FR" },
  en: { name: "English", dir: "ltr", locale: "en-GB" },
  // Morocco writes numbers with Western digits.
  ar: { name: "العربية", dir: "rtl", locale: "ar-MA" },
};

const MESSAGES = {
  fr: {
    title: "Impact de Passerelle",
    subtitle: "Les indicateurs de votre périmètre, calculés par l'API",
    period: "Période",
    from: "Du",
    to: "au",
    apply: "Afficher",
    language: "Langue",
    signOut: "Se déconnecter",
    signedInAs: "Connecté·e : {user}",
    loading: "Chargement des indicateurs…",
    cohorts: "Entrées et résultats par cohorte",
    cohortsNote: "Barres : entrées (nombre) ; lignes : taux (%).",
    funnel: "De la candidature à l'emploi durable",
    funnelNote:
      "Chaque étape compte les personnes rattachées à la période selon sa propre définition (début de cohorte, fin de cohorte, mesure après la sortie).",
    shares: "Publics accueillis et seuils du label",
    sharesNote: "Barres : part des entrées (%) ; trait : seuil minimal du label.",
    sites: "Comparaison des sites",
    sitesNote: "Taux (%) par site.",
    group: "Groupe",
    indicator: "Indicateur",
    value: "Valeur",
    count: "Effectif",
    suppressed: "masqué",
    suppressedHelp: "masqué : effectif inférieur à {minCell}, pour ne désigner personne",
    notApplicable: "—",
    noData: "Aucune donnée pour cette période.",
    threshold: "seuil",
    error: "Les indicateurs n'ont pas pu être lus : {detail}",
    forbidden: "Votre compte ne donne pas accès aux indicateurs.",
    computedAt: "Calculé le {at}",
    closed: "Période close ({countries}), chiffres figés",
  },
  en: {
    title: "Passerelle impact",
    subtitle: "The indicators of your scope, computed by the API",
    period: "Period",
    from: "From",
    to: "to",
    apply: "Show",
    language: "Language",
    signOut: "Sign out",
    signedInAs: "Signed in: {user}",
    loading: "Loading the indicators…",
    cohorts: "Entrants and outcomes per cohort",
    cohortsNote: "Bars: entrants (count); lines: rates (%).",
    funnel: "From application to durable job",
    funnelNote:
      "Each step counts the people its own definition attributes to the period (cohort start, cohort end, measurement after the exit).",
    shares: "Publics welcomed and the label's thresholds",
    sharesNote: "Bars: share of entrants (%); mark: the label's minimum.",
    sites: "Sites compared",
    sitesNote: "Rates (%) per site.",
    group: "Group",
    indicator: "Indicator",
    value: "Value",
    count: "Count",
    suppressed: "suppressed",
    suppressedHelp: "suppressed: fewer than {minCell} people, so that nobody is singled out",
    notApplicable: "—",
    noData: "No data for this period.",
    threshold: "threshold",
    error: "The indicators could not be read: {detail}",
    forbidden: "Your account does not give access to the indicators.",
    computedAt: "Computed {at}",
    closed: "Closed period ({countries}), frozen figures",
  },
  ar: {
    title: "أثر باسرال",
    subtitle: "مؤشرات نطاقك كما تحسبها الواجهة البرمجية",
    period: "الفترة",
    from: "من",
    to: "إلى",
    apply: "عرض",
    language: "اللغة",
    signOut: "تسجيل الخروج",
    signedInAs: "متصل: {user}",
    loading: "جارٍ تحميل المؤشرات…",
    cohorts: "الملتحقون والنتائج حسب الفوج",
    cohortsNote: "الأعمدة: الملتحقون (عدد)؛ الخطوط: النسب (%).",
    funnel: "من الترشح إلى الشغل المستدام",
    funnelNote:
      "كل مرحلة تحسب الأشخاص المنسوبين إلى الفترة حسب تعريفها (بداية الفوج، نهايته، القياس بعد الخروج).",
    shares: "الفئات المستقبلة وعتبات العلامة",
    sharesNote: "الأعمدة: نسبة الملتحقين (%)؛ الخط: الحد الأدنى للعلامة.",
    sites: "مقارنة المواقع",
    sitesNote: "النسب (%) حسب الموقع.",
    group: "المجموعة",
    indicator: "المؤشر",
    value: "القيمة",
    count: "العدد",
    suppressed: "محجوب",
    suppressedHelp: "محجوب: أقل من {minCell} أشخاص، حتى لا يُعرف أحد",
    notApplicable: "—",
    noData: "لا توجد بيانات لهذه الفترة.",
    threshold: "العتبة",
    error: "تعذرت قراءة المؤشرات: {detail}",
    forbidden: "حسابك لا يتيح الوصول إلى المؤشرات.",
    computedAt: "حُسب في {at}",
    closed: "فترة مغلقة ({countries})، أرقام مجمدة",
  },
};

/** Fallback titles of the indicators the charts show, when the definitions have none. */
const INDICATOR_TITLES = {
  fr: {
    applications: "Candidatures",
    "accepted-applications": "Candidatures retenues",
    entrants: "Entrées",
    "completion-rate": "Fin de parcours",
    "certification-rate": "Certification",
    "employment-6m": "Emploi à 6 mois",
    "durable-employment-6m": "Emploi durable à 6 mois",
    "employment-9m": "Emploi à 9 mois",
    "positive-exit-6m": "Sortie positive à 6 mois",
    "women-share": "Femmes",
    "neet-under-26-share": "Jeunes NEET de moins de 26 ans",
    "bac-or-below-share": "Niveau bac ou infra",
    "priority-neighbourhood-share": "QPV / ZRR",
    "refugee-share": "Réfugiés",
    "disability-share": "Handicap reconnu",
    "job-seeker-share": "Demandeurs d'emploi",
  },
  en: {
    applications: "Applications",
    "accepted-applications": "Accepted applications",
    entrants: "Entrants",
    "completion-rate": "Completion",
    "certification-rate": "Certification",
    "employment-6m": "Employment at 6 months",
    "durable-employment-6m": "Durable employment at 6 months",
    "employment-9m": "Employment at 9 months",
    "positive-exit-6m": "Positive exit at 6 months",
    "women-share": "Women",
    "neet-under-26-share": "Under-26 not in work or training",
    "bac-or-below-share": "Bac level or below",
    "priority-neighbourhood-share": "Priority neighbourhoods",
    "refugee-share": "Refugees",
    "disability-share": "Recognised disability",
    "job-seeker-share": "Registered job seekers",
  },
  ar: {
    applications: "الترشيحات",
    "accepted-applications": "الترشيحات المقبولة",
    entrants: "الملتحقون",
    "completion-rate": "إتمام التكوين",
    "certification-rate": "الإشهاد",
    "employment-6m": "الشغل بعد 6 أشهر",
    "durable-employment-6m": "الشغل المستدام بعد 6 أشهر",
    "employment-9m": "الشغل بعد 9 أشهر",
    "positive-exit-6m": "خروج إيجابي بعد 6 أشهر",
    "women-share": "النساء",
    "neet-under-26-share": "شباب دون 26 سنة خارج الشغل والتكوين",
    "bac-or-below-share": "مستوى البكالوريا أو أقل",
    "priority-neighbourhood-share": "الأحياء ذات الأولوية",
    "refugee-share": "اللاجئون",
    "disability-share": "إعاقة معترف بها",
    "job-seeker-share": "الباحثون عن شغل المسجلون",
  },
};

/**
 * The funnel's steps name people, not rates: a rate's step shows its numerator (those who
 * completed, were certified, hold a job).
 */
const FUNNEL_TITLES = {
  fr: {
    applications: "Candidatures",
    "accepted-applications": "Candidatures retenues",
    entrants: "Entrées en formation",
    "completion-rate": "Parcours achevés",
    "certification-rate": "Certifiés",
    "employment-6m": "En emploi à 6 mois",
    "durable-employment-6m": "En emploi durable à 6 mois",
    "employment-9m": "En emploi à 9 mois",
  },
  en: {
    applications: "Applications",
    "accepted-applications": "Accepted applications",
    entrants: "Entrants",
    "completion-rate": "Completed the training",
    "certification-rate": "Certified",
    "employment-6m": "In a job at 6 months",
    "durable-employment-6m": "In a durable job at 6 months",
    "employment-9m": "In a job at 9 months",
  },
  ar: {
    applications: "الترشيحات",
    "accepted-applications": "الترشيحات المقبولة",
    entrants: "الملتحقون بالتكوين",
    "completion-rate": "أتموا التكوين",
    "certification-rate": "الحاصلون على الإشهاد",
    "employment-6m": "في شغل بعد 6 أشهر",
    "durable-employment-6m": "في شغل مستدام بعد 6 أشهر",
    "employment-9m": "في شغل بعد 9 أشهر",
  },
};

/** The name of a funnel step. */
export function funnelStepTitle(lang, id) {
  return FUNNEL_TITLES[lang]?.[id] ?? FUNNEL_TITLES.en[id] ?? id;
}

/** The page's language: ?lang=, else the browser's first known language, else French. */
export function pickLanguage(search, navigatorLanguages) {
  const asked = new URLSearchParams(search).get("lang");
  if (asked && LANGUAGES[asked]) return asked;
  for (const tag of navigatorLanguages ?? []) {
    const base = String(tag).slice(0, 2).toLowerCase();
    if (LANGUAGES[base]) return base;
  }
  return "fr";
}

/** A message of the page, with {name} placeholders filled. */
export function message(lang, key, values = {}) {
  const text = MESSAGES[lang]?.[key] ?? MESSAGES.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

/** The fallback title of an indicator. */
export function indicatorTitle(lang, id) {
  return INDICATOR_TITLES[lang]?.[id] ?? INDICATOR_TITLES.en[id] ?? id;
}
