package org.animfr.animabot.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.animfr.animabot.core.chat.CommandCall;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.chat.RichText.Block;
import org.animfr.animabot.core.chat.RichText.Bold;
import org.animfr.animabot.core.chat.RichText.BulletList;
import org.animfr.animabot.core.chat.RichText.Link;
import org.animfr.animabot.core.chat.RichText.Paragraph;
import org.animfr.animabot.core.chat.RichText.Plain;
import org.animfr.animabot.core.chat.RichText.Span;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link Reply} as JSON text and back, in a format of its own rather than the core's Java classes, so that posts
 * stored today still read after the core's records are renamed or reordered. Reading what was written gives an equal
 * reply. The format:
 *
 * <pre>{@code
 * {"visibility": "PUBLIC" | "PERSONAL",
 *  "title": "...",                                     absent when the reply has none
 *  "body": [block, ...],
 *  "followUps": [{"label": "...", "command": "gatherings", "arguments": {"session": "animacoop-7"}, "typed": "..."}]}
 * block: {"type": "paragraph", "spans": [span, ...]}
 *      | {"type": "bullets", "items": [[span, ...], ...]}
 * span:  {"type": "plain", "text": "..."}
 *      | {"type": "bold", "text": "..."}
 *      | {"type": "link", "label": "...", "url": "..."}
 * }</pre>
 *
 * A kind of block or span the core adds later must be given a type name here; reading an unknown one fails
 * rather than losing text. Thread-safe.
 */
final class ReplyJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReplyJson() {
    }

    static String write(Reply reply) {
        ObjectNode root = JSON.createObjectNode();
        root.put("visibility", reply.visibility().name());
        if (reply.title() != null) {
            root.put("title", reply.title());
        }
        ArrayNode body = root.putArray("body");
        for (Block block : reply.body().blocks()) {
            writeBlock(block, body.addObject());
        }
        ArrayNode followUps = root.putArray("followUps");
        for (Reply.FollowUp followUp : reply.followUps()) {
            ObjectNode node = followUps.addObject();
            node.put("label", followUp.label());
            node.put("command", followUp.call().command());
            ObjectNode arguments = node.putObject("arguments");
            followUp.call().arguments().forEach(arguments::put);
            node.put("typed", followUp.typed());
        }
        return JSON.writeValueAsString(root);
    }

    /** The reply written by {@link #write}; fails with {@link IllegalArgumentException} on anything else. */
    static Reply read(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<Block> blocks = new ArrayList<>();
            for (JsonNode block : array(root, "body")) {
                blocks.add(readBlock(block));
            }
            List<Reply.FollowUp> followUps = new ArrayList<>();
            for (JsonNode followUp : array(root, "followUps")) {
                Map<String, String> arguments = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> argument : followUp.required("arguments").properties()) {
                    arguments.put(argument.getKey(), argument.getValue().stringValue());
                }
                followUps.add(new Reply.FollowUp(text(followUp, "label"),
                        new CommandCall(text(followUp, "command"), arguments), text(followUp, "typed")));
            }
            JsonNode title = root.get("title");
            return new Reply(new RichText(blocks), Reply.Visibility.valueOf(text(root, "visibility")),
                    title == null || title.isNull() ? null : title.stringValue(), followUps);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Not a stored reply: " + e.getOriginalMessage(), e);
        }
    }

    private static void writeBlock(Block block, ObjectNode node) {
        if (block instanceof Paragraph paragraph) {
            node.put("type", "paragraph");
            writeSpans(paragraph.spans(), node.putArray("spans"));
        } else if (block instanceof BulletList list) {
            node.put("type", "bullets");
            ArrayNode items = node.putArray("items");
            for (List<Span> item : list.items()) {
                writeSpans(item, items.addArray());
            }
        } else {
            throw new IllegalArgumentException("No JSON type for the block " + block.getClass().getName());
        }
    }

    private static void writeSpans(List<Span> spans, ArrayNode array) {
        for (Span span : spans) {
            ObjectNode node = array.addObject();
            if (span instanceof Plain plain) {
                node.put("type", "plain");
                node.put("text", plain.text());
            } else if (span instanceof Bold bold) {
                node.put("type", "bold");
                node.put("text", bold.text());
            } else if (span instanceof Link link) {
                node.put("type", "link");
                node.put("label", link.label());
                node.put("url", link.url());
            } else {
                throw new IllegalArgumentException("No JSON type for the span " + span.getClass().getName());
            }
        }
    }

    private static Block readBlock(JsonNode node) {
        String type = text(node, "type");
        return switch (type) {
            case "paragraph" -> new Paragraph(readSpans(node.required("spans")));
            case "bullets" -> {
                List<List<Span>> items = new ArrayList<>();
                for (JsonNode item : array(node, "items")) {
                    items.add(readSpans(item));
                }
                yield new BulletList(items);
            }
            default -> throw new IllegalArgumentException("Unknown block type '" + type + "'");
        };
    }

    private static List<Span> readSpans(JsonNode array) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("Expected an array of spans, got " + array.getNodeType());
        }
        List<Span> spans = new ArrayList<>();
        for (JsonNode node : array) {
            String type = text(node, "type");
            spans.add(switch (type) {
                case "plain" -> new Plain(text(node, "text"));
                case "bold" -> new Bold(text(node, "text"));
                case "link" -> new Link(text(node, "label"), text(node, "url"));
                default -> throw new IllegalArgumentException("Unknown span type '" + type + "'");
            });
        }
        return spans;
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode array = node.required(field);
        if (!array.isArray()) {
            throw new IllegalArgumentException("Expected an array in '" + field + "', got " + array.getNodeType());
        }
        return array;
    }

    /** The field's string; a missing field or another type fails instead of reading as empty. */
    private static String text(JsonNode node, String field) {
        return node.required(field).stringValue();
    }
}
