import { graphql } from '../../../gql';

/**
 * What the machine reads in a text the operator is typing: the category with its confidence, the alternatives,
 * urgency with its reasons, and the place (docs/text.md). Asked by the registration form as the text is typed.
 */
export const classifyTextQuery = graphql(`
  query ClassifyText($text: String!, $channel: Channel) {
    classifyText(text: $text, channel: $channel) {
      sectorCode
      sectorConfidence
      categoryCode
      confidence
      alternatives {
        categoryCode
        sectorCode
        confidence
      }
      urgent
      urgentScore
      urgentReasons
      place {
        settlement {
          id
          name
        }
        locality {
          name
          kind
        }
        street
        house
        confidence
      }
      modelVersion
    }
  }
`);
