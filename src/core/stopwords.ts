/**
 * English function words. The base list is the `stopword` package's English list; a few reporting
 * and contraction forms that carry no content in news copy are added.
 */
import { eng } from 'stopword';

const EXTRA = [
  'a', 'i', 'me', 'my', 'we', 'our', 'us', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'it', 'its', 'they',
  'them', 'their', 'this', 'that', 'these', 'those', 'is', 'was', 'were', 'be', 'has', 'had', 'have', 'will',
  'would', 'shall', 'should', 'may', 'might', 'must', 'can', 'could', 'not', 'no', 'nor', 'so', 'than', 'too',
  'very', 'just', 'also', 'there', 'here', 'when', 'where', 'which', 'who', 'whom', 'whose', 'what', 'why', 'how',
  'if', 'then', 'into', 'onto', 'over', 'under', 'up', 'down', 'out', 'off', 'again', 'further', 'once', 'own',
  'same', 'such', 'only', 'other', 'some', 'any', 'each', 'few', 'more', 'most', 'all', 'both', "don't", "it's",
  "isn't", "wasn't", "can't", "won't", "didn't", 'said', 'says', 'say', 'told', 'mr', 'mrs', 'ms',
];

const STOP = new Set<string>([...eng, ...EXTRA]);

export function isStopWord(norm: string): boolean {
  return STOP.has(norm);
}
