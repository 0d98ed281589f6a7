import type { CoreStrings } from './en';

export const hi: CoreStrings = {
  common: {
    loading: 'लोड हो रहा है…',
    errorTitle: 'कुछ गड़बड़ हो गई',
    errorBody: 'कृपया अपना कनेक्शन जाँचें और फिर कोशिश करें।',
    retry: 'फिर कोशिश करें',
    cancel: 'रद्द करें',
    close: 'बंद करें',
    yes: 'हाँ',
    no: 'नहीं',
    none: '—',
    apply: 'लागू करें',
    reset: 'रीसेट करें',
  },
  shell: {
    title: 'LocalKart एडमिन',
    skip: 'मुख्य सामग्री पर जाएँ',
    areas: 'एडमिन क्षेत्र',
    language: 'भाषा',
    signOut: 'साइन आउट',
    signedInAs: '{{name}} के रूप में साइन इन',
  },
  auth: {
    title: 'एडमिन साइन-इन',
    subtitle: 'एडमिन खाते वाले LocalKart कर्मचारियों के लिए।',
    email: 'ई-मेल',
    password: 'पासवर्ड',
    signIn: 'साइन इन करें',
    adminOnly:
      'यह पैनल केवल एडमिन खातों के लिए है। आपको यहाँ से साइन आउट कर दिया गया है; ग्राहक और सेवा प्रदाता खातों के लिए LocalKart ऐप का उपयोग करें।',
    failed: 'साइन इन नहीं हो सका।',
  },
  table: {
    filters: 'फ़िल्टर',
    results_one: '{{count}} परिणाम',
    results_other: '{{count}} परिणाम',
    pageOf: 'पृष्ठ {{page}} / {{pages}}',
    previous: 'पिछला पृष्ठ',
    next: 'अगला पृष्ठ',
    pagination: 'पृष्ठ',
    sortBy: '{{column}} के अनुसार क्रमबद्ध करें',
    open: 'खोलें',
    empty: 'इन फ़िल्टरों से कुछ नहीं मिला।',
  },
  confirm: {
    reason: 'कारण',
    reasonOptional: 'कारण (वैकल्पिक)',
    reasonHint: 'ऑडिट लॉग में रखा जाता है। कम से कम 3 अक्षर।',
    reasonTooShort: 'कम से कम 3 अक्षरों का कारण लिखें।',
  },
  notFound: { title: 'एडमिन पैनल में ऐसा कोई पृष्ठ नहीं है', home: 'डैशबोर्ड पर जाएँ' },
};
