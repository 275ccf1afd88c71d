package io.callcard.ui.window;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The application's icon as JavaFX shapes, read from {@code assets/icon.svg} (packed into the jar beside this class):
 * the SVG stays the one source of every size, and no rendered PNG is kept. Reads what that file uses, {@code rect}
 * (with {@code rx}) and {@code path} with a solid {@code fill}, in document order; anything else is refused, so a
 * changed drawing cannot silently lose a shape.
 */
final class IconDrawing {

    /** The icon, beside this class in the jar (the pom copies it from assets/). */
    static final String RESOURCE = "/io/callcard/ui/window/icon.svg";

    private final double viewSize;
    private final List<Node> shapes;

    private IconDrawing(double viewSize, List<Node> shapes) {
        this.viewSize = viewSize;
        this.shapes = shapes;
    }

    /** The icon as packed with the application. */
    static IconDrawing packaged() {
        URL url = Objects.requireNonNull(IconDrawing.class.getResource(RESOURCE), RESOURCE + " is not packaged");
        try (InputStream in = url.openStream()) {
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    static IconDrawing read(InputStream svg) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            doc = builder.parse(svg);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("the icon is not readable SVG: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        double size = viewSize(root);
        List<Node> shapes = new ArrayList<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e) {
                shapes.add(shape(e));
            }
        }
        if (shapes.isEmpty()) {
            throw new IOException("the icon has no shapes");
        }
        return new IconDrawing(size, List.copyOf(shapes));
    }

    /** The drawing's square side in its own units (the viewBox's width, else the width). */
    double viewSize() {
        return viewSize;
    }

    /** How many shapes the drawing has. */
    int shapeCount() {
        return shapes.size();
    }

    /** A fresh group of the shapes at their own size (a node lives in one scene graph, so each use gets its own). */
    Group toGroup() {
        Group g = new Group();
        for (Node n : shapes) {
            g.getChildren().add(copy(n));
        }
        return g;
    }

    private static double viewSize(Element root) throws IOException {
        String box = root.getAttribute("viewBox").trim();
        if (!box.isEmpty()) {
            String[] parts = box.split("[\\s,]+");
            if (parts.length == 4) {
                return number(parts[2], "viewBox");
            }
        }
        return number(root.getAttribute("width"), "width");
    }

    private static Node shape(Element e) throws IOException {
        switch (e.getTagName()) {
            case "rect": {
                Rectangle r = new Rectangle(number(e.getAttribute("x"), "x"), number(e.getAttribute("y"), "y"),
                        number(e.getAttribute("width"), "width"), number(e.getAttribute("height"), "height"));
                String rx = e.getAttribute("rx");
                if (!rx.isEmpty()) {
                    r.setArcWidth(2 * number(rx, "rx"));
                    r.setArcHeight(2 * number(rx, "rx"));
                }
                r.setFill(fill(e));
                return r;
            }
            case "path": {
                SVGPath p = new SVGPath();
                p.setContent(e.getAttribute("d"));
                p.setFill(fill(e));
                return p;
            }
            default:
                throw new IOException("the icon uses <" + e.getTagName() + ">, which is not drawn");
        }
    }

    private static Color fill(Element e) throws IOException {
        try {
            return Color.web(e.getAttribute("fill"));
        } catch (IllegalArgumentException bad) {
            throw new IOException("the icon has a fill that is not a colour: " + e.getAttribute("fill"), bad);
        }
    }

    private static Node copy(Node n) {
        if (n instanceof Rectangle r) {
            Rectangle c = new Rectangle(r.getX(), r.getY(), r.getWidth(), r.getHeight());
            c.setArcWidth(r.getArcWidth());
            c.setArcHeight(r.getArcHeight());
            c.setFill(r.getFill());
            return c;
        }
        SVGPath p = (SVGPath) n;
        SVGPath c = new SVGPath();
        c.setContent(p.getContent());
        c.setFill(p.getFill());
        return c;
    }

    private static double number(String text, String what) throws IOException {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException bad) {
            throw new IOException("the icon's " + what + " is not a number: " + text, bad);
        }
    }
}
