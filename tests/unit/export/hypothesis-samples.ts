/**
 * Annotations as Hypothesis writes them, after h's presenters (h/presenters/annotation_json.py,
 * annotation_jsonld.py) and a real API answer: microsecond times with an offset, a RangeSelector
 * from the browser, TextPosition offsets into the whole web page.
 */
export function hypothesisApiAnnotation() {
  return {
    id: 'w02dfNtbEeeShxcmUm1Vzg',
    created: '2017-12-07T14:34:41.949708+00:00',
    updated: '2017-12-08T09:00:00.000000+00:00',
    user: 'acct:alice@hypothes.is',
    uri: 'https://www.lesswrong.com/posts/abc/brain-like-agi',
    text: 'Values are *learned*, not encoded.',
    tags: ['axis:inner', 'crux', 'confidence:80', 'concrete-story', 'reward', 'label:crux'],
    group: '__world__',
    permissions: {
      read: ['group:__world__'],
      admin: ['acct:alice@hypothes.is'],
      update: ['acct:alice@hypothes.is'],
      delete: ['acct:alice@hypothes.is'],
    },
    target: [
      {
        source: 'https://www.lesswrong.com/posts/abc/brain-like-agi',
        selector: [
          {
            type: 'RangeSelector',
            startContainer: '/div[1]/main[1]/p[5]',
            endContainer: '/div[1]/main[1]/p[5]',
            startOffset: 571,
            endOffset: 591,
          },
          { type: 'TextPositionSelector', start: 12301, end: 12321 },
          { type: 'TextQuoteSelector', exact: 'complex human values', prefix: 'need not encode ', suffix: '.' },
        ],
      } as { source: string; selector?: unknown[] },
    ],
    document: { title: ['Brain-like AGI and reward'] },
    links: {
      html: 'https://hypothes.is/a/w02dfNtbEeeShxcmUm1Vzg',
      incontext: 'https://hyp.is/w02dfNtbEeeShxcmUm1Vzg/www.lesswrong.com/posts/abc/brain-like-agi',
      json: 'https://hypothes.is/api/annotations/w02dfNtbEeeShxcmUm1Vzg',
    },
    user_info: { display_name: 'Alice Liddell' },
    flagged: false,
    hidden: false,
  };
}

/** The same annotation as h's JSON-LD presenter writes it (GET /api/annotations/{id}.jsonld), purposes and types as lists. */
export function hypothesisJsonLd() {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id: 'https://hypothes.is/a/w02dfNtbEeeShxcmUm1Vzg',
    created: '2017-12-07T14:34:41.949708+00:00',
    modified: '2017-12-08T09:00:00.000000+00:00',
    creator: 'acct:alice@hypothes.is',
    body: [
      { type: 'TextualBody', value: 'Values are *learned*, not encoded.', format: 'text/markdown' },
      { type: ['TextualBody'], value: 'axis:outer', purpose: ['tagging'] },
      { type: 'TextualBody', value: 'confidence:35', purpose: 'tagging' },
      { type: 'TextualBody', value: 'reward', purpose: 'tagging' },
    ],
    target: [
      {
        source: 'https://www.lesswrong.com/posts/abc/brain-like-agi',
        selector: [
          {
            type: 'XPathSelector',
            value: '/div[1]/main[1]/p[5]',
            refinedBy: { type: 'TextPositionSelector', start: 571, end: 591 },
          },
          { type: 'TextPositionSelector', start: 12301, end: 12321 },
          { type: 'TextQuoteSelector', exact: 'complex human values', prefix: 'need not encode ', suffix: '.' },
        ],
      },
    ],
  };
}
