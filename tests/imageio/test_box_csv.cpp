// VinDr-style box tables: parsing, quoting, "No finding", and bad rows reported without stopping.
#include <QtTest>

#include "lightbox/imageio/box_csv.h"

using namespace lightbox::imageio;

class TestBoxCsv : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void vindrLayout() {
    const std::string csv =
        "\xEF\xBB\xBFimage_id,rad_id,class_name,x_min,y_min,x_max,y_max\r\n"
        "a1,R9,Aortic enlargement,691,1375,1653,1831\r\n"
        "a1,R10,\"Nodule/Mass, left\",100.5,200,150,260.25\r\n"
        "b2,R8,No finding,,,,\r\n"
        "b2,R9,No finding,,,,\r\n"
        "c3,R8,No finding,,,,\n"
        "c3,R9,Cardiomegaly,10,20,30,40\n";
    const BoxTable t = parseBoxCsv(csv, "boxes.csv");
    QCOMPARE(t.boxesByImage.size(), size_t(2));
    QCOMPARE(t.boxesByImage.at("a1").size(), size_t(2));
    QCOMPARE(t.boxesByImage.at("a1")[1].className, std::string("Nodule/Mass, left"));
    QCOMPARE(t.boxesByImage.at("a1")[1].yMax, 260.25);
    QCOMPARE(t.imagesWithoutFindings, std::vector<std::string>{"b2"});
    QVERIFY(t.problems.empty());
  }

  void badRowsAreListedAndSkipped() {
    const std::string csv =
        "image_id,class_name,x_min,y_min,x_max,y_max\n"
        "a,Nodule,1,2,3,x\n"
        "b,Nodule,5,5,1,9\n"
        ",Nodule,1,2,3,4\n"
        "c,Nodule,1,2,3\n"
        "d,Nodule,1e999,2,3,4\n"
        "e,Nodule,1,2,3,4\n";
    const BoxTable t = parseBoxCsv(csv, "boxes.csv");
    QCOMPARE(t.boxesByImage.size(), size_t(1));
    QVERIFY(t.boxesByImage.count("e"));
    QCOMPARE(t.problems.size(), size_t(5));
    QVERIFY(t.problems[0].rfind("line 2:", 0) == 0);
  }

  void missingColumnOrFileIsAnError() {
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, parseBoxCsv("image_id,x_min\n", "t.csv"));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, parseBoxCsv("", "t.csv"));
    try {
      readBoxCsv("/nonexistent/boxes.csv");
      QFAIL("no error");
    } catch (const std::runtime_error& e) {
      QVERIFY(std::string(e.what()).find("/nonexistent/boxes.csv") != std::string::npos);
    }
  }

  void unterminatedQuoteDoesNotCrash() {
    const BoxTable t = parseBoxCsv("image_id,class_name,x_min,y_min,x_max,y_max\na,\"open,1,2,3,4\n", "t.csv");
    QVERIFY(t.boxesByImage.empty());
  }
};

QTEST_APPLESS_MAIN(TestBoxCsv)
#include "test_box_csv.moc"
