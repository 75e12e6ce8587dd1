<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="stars" tilewidth="32" tileheight="32" tilecount="24" columns="4">
 <image source="stars.png" width="128" height="192"/>
 <tile id="0">
  <animation>
   <frame tileid="0" duration="1700"/>
   <frame tileid="1" duration="120"/>
   <frame tileid="2" duration="160"/>
   <frame tileid="3" duration="120"/>
  </animation>
 </tile>
 <tile id="1">
  <animation>
   <frame tileid="0" duration="2310"/>
   <frame tileid="1" duration="120"/>
   <frame tileid="2" duration="160"/>
   <frame tileid="3" duration="120"/>
  </animation>
 </tile>
 <tile id="2">
  <animation>
   <frame tileid="0" duration="2920"/>
   <frame tileid="1" duration="120"/>
   <frame tileid="2" duration="160"/>
   <frame tileid="3" duration="120"/>
  </animation>
 </tile>
 <tile id="3">
  <animation>
   <frame tileid="0" duration="3530"/>
   <frame tileid="1" duration="120"/>
   <frame tileid="2" duration="160"/>
   <frame tileid="3" duration="120"/>
  </animation>
 </tile>
 <tile id="4">
  <animation>
   <frame tileid="4" duration="2300"/>
   <frame tileid="5" duration="90"/>
   <frame tileid="6" duration="140"/>
   <frame tileid="7" duration="110"/>
  </animation>
 </tile>
 <tile id="5">
  <animation>
   <frame tileid="4" duration="2910"/>
   <frame tileid="5" duration="90"/>
   <frame tileid="6" duration="140"/>
   <frame tileid="7" duration="110"/>
  </animation>
 </tile>
 <tile id="6">
  <animation>
   <frame tileid="4" duration="3520"/>
   <frame tileid="5" duration="90"/>
   <frame tileid="6" duration="140"/>
   <frame tileid="7" duration="110"/>
  </animation>
 </tile>
 <tile id="7">
  <animation>
   <frame tileid="4" duration="4130"/>
   <frame tileid="5" duration="90"/>
   <frame tileid="6" duration="140"/>
   <frame tileid="7" duration="110"/>
  </animation>
 </tile>
 <tile id="8">
  <animation>
   <frame tileid="8" duration="1300"/>
   <frame tileid="9" duration="150"/>
   <frame tileid="10" duration="90"/>
   <frame tileid="11" duration="150"/>
  </animation>
 </tile>
 <tile id="9">
  <animation>
   <frame tileid="8" duration="1910"/>
   <frame tileid="9" duration="150"/>
   <frame tileid="10" duration="90"/>
   <frame tileid="11" duration="150"/>
  </animation>
 </tile>
 <tile id="10">
  <animation>
   <frame tileid="8" duration="2520"/>
   <frame tileid="9" duration="150"/>
   <frame tileid="10" duration="90"/>
   <frame tileid="11" duration="150"/>
  </animation>
 </tile>
 <tile id="11">
  <animation>
   <frame tileid="8" duration="3130"/>
   <frame tileid="9" duration="150"/>
   <frame tileid="10" duration="90"/>
   <frame tileid="11" duration="150"/>
  </animation>
 </tile>
 <tile id="12">
  <animation>
   <frame tileid="12" duration="2900"/>
   <frame tileid="13" duration="110"/>
   <frame tileid="14" duration="180"/>
   <frame tileid="15" duration="130"/>
  </animation>
 </tile>
 <tile id="13">
  <animation>
   <frame tileid="12" duration="3510"/>
   <frame tileid="13" duration="110"/>
   <frame tileid="14" duration="180"/>
   <frame tileid="15" duration="130"/>
  </animation>
 </tile>
 <tile id="14">
  <animation>
   <frame tileid="12" duration="4120"/>
   <frame tileid="13" duration="110"/>
   <frame tileid="14" duration="180"/>
   <frame tileid="15" duration="130"/>
  </animation>
 </tile>
 <tile id="15">
  <animation>
   <frame tileid="12" duration="4730"/>
   <frame tileid="13" duration="110"/>
   <frame tileid="14" duration="180"/>
   <frame tileid="15" duration="130"/>
  </animation>
 </tile>
 <tile id="16">
  <animation>
   <frame tileid="16" duration="1900"/>
   <frame tileid="17" duration="80"/>
   <frame tileid="18" duration="120"/>
   <frame tileid="19" duration="200"/>
  </animation>
 </tile>
 <tile id="17">
  <animation>
   <frame tileid="16" duration="2510"/>
   <frame tileid="17" duration="80"/>
   <frame tileid="18" duration="120"/>
   <frame tileid="19" duration="200"/>
  </animation>
 </tile>
 <tile id="18">
  <animation>
   <frame tileid="16" duration="3120"/>
   <frame tileid="17" duration="80"/>
   <frame tileid="18" duration="120"/>
   <frame tileid="19" duration="200"/>
  </animation>
 </tile>
 <tile id="19">
  <animation>
   <frame tileid="16" duration="3730"/>
   <frame tileid="17" duration="80"/>
   <frame tileid="18" duration="120"/>
   <frame tileid="19" duration="200"/>
  </animation>
 </tile>
 <tile id="20">
  <animation>
   <frame tileid="20" duration="3400"/>
   <frame tileid="21" duration="140"/>
   <frame tileid="22" duration="100"/>
   <frame tileid="23" duration="140"/>
  </animation>
 </tile>
 <tile id="21">
  <animation>
   <frame tileid="20" duration="4010"/>
   <frame tileid="21" duration="140"/>
   <frame tileid="22" duration="100"/>
   <frame tileid="23" duration="140"/>
  </animation>
 </tile>
 <tile id="22">
  <animation>
   <frame tileid="20" duration="4620"/>
   <frame tileid="21" duration="140"/>
   <frame tileid="22" duration="100"/>
   <frame tileid="23" duration="140"/>
  </animation>
 </tile>
 <tile id="23">
  <animation>
   <frame tileid="20" duration="5230"/>
   <frame tileid="21" duration="140"/>
   <frame tileid="22" duration="100"/>
   <frame tileid="23" duration="140"/>
  </animation>
 </tile>
</tileset>
